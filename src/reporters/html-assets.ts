/**
 * The HTML report's inline style and script (no network: the page works from file://). The script only
 * filters violations (operation, check, severity, phase) and copies curl / rerun lines; the content itself
 * is rendered on the server side, so the page reads without JavaScript too.
 */

/** Inline CSS: readable from 320 px wide up; status never by colour alone (✓ ✗ ! marks). */
export const STYLE = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--bad:#b42318;--warn:#8a5300;--ok:#1a7f37;--code:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:72rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}
h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:0;overflow-wrap:anywhere}
.verdict{font-weight:700}.bad{color:var(--bad)}.warn{color:var(--warn)}.ok{color:var(--ok)}.muted{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:.5rem 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:var(--code);position:sticky;top:0}td.op{font-weight:600}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0}form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
select,button{font:inherit;font-size:.95rem;padding:.35rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);min-height:2.25rem}
button{cursor:pointer}button:focus-visible,select:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid #0969da;outline-offset:2px}
article.violation{border:1px solid var(--line);border-left:6px solid var(--bad);border-radius:6px;padding:.75rem;margin:.75rem 0}
article.violation.warning{border-left-color:var(--warn)}
article.violation dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
article.violation dt{color:var(--muted)}article.violation dd{margin:0;min-width:0;overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
pre{background:var(--code);padding:.5rem;border-radius:6px;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0}
.line{display:flex;gap:.5rem;align-items:flex-start}.line pre{flex:1;min-width:0}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
@media (max-width:40rem){dl.facts,article.violation dl{grid-template-columns:1fr}article.violation dt{margin-top:.35rem}.line{flex-direction:column}}
`;

/** Inline script: the filters and the copy buttons. */
export const SCRIPT = `
(function(){
  var form=document.getElementById("filters");var items=[].slice.call(document.querySelectorAll("article.violation"));
  var count=document.getElementById("shown-count");
  function apply(){
    var want={};[].forEach.call(form.querySelectorAll("select"),function(s){want[s.name]=s.value});
    var n=0;items.forEach(function(a){
      var show=Object.keys(want).every(function(k){return want[k]===""||a.dataset[k]===want[k]});
      a.hidden=!show;if(show)n++;});
    count.textContent=n+" of "+items.length+" violations shown";
  }
  if(form){form.addEventListener("change",apply);form.addEventListener("reset",function(){setTimeout(apply,0)});apply();}
  function fallback(text){var t=document.createElement("textarea");t.value=text;t.setAttribute("readonly","");t.style.position="fixed";t.style.opacity="0";
    document.body.appendChild(t);t.select();var ok=false;try{ok=document.execCommand("copy")}catch(e){}document.body.removeChild(t);return ok}
  document.addEventListener("click",function(e){
    var b=e.target.closest?e.target.closest("button[data-copy]"):null;if(!b)return;
    var text=document.getElementById(b.dataset.copy).textContent;
    function done(ok){b.textContent=ok?"Copied":"Select and copy";setTimeout(function(){b.textContent=b.dataset.label},1500)}
    if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(text).then(function(){done(true)},function(){done(fallback(text))})}else{done(fallback(text))}
  });
})();
`;
