/**
 * The portal's stylesheet, inlined in every page (one request less on a slow mobile network; it is
 * small). Mobile first; large touch targets; the tenant's colours come in as CSS variables.
 */
export const PORTAL_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
a{color:#0a4f94}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f2a900;outline-offset:2px}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
.top{background:var(--primary);color:#fff}
.top a,.top .link{color:#fff}
.top-row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding-top:.75rem;padding-bottom:.75rem}
.brand{display:flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.15rem;text-decoration:none}
.nav{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;margin:0;padding:0}
.nav a,.nav .link{display:inline-block;padding:.4rem 0}
.who{margin:0 auto;padding-bottom:.5rem;font-size:.9rem}
.inline{display:inline}
.link{background:none;border:0;font:inherit;text-decoration:underline;cursor:pointer;padding:0}
main{padding-top:1.25rem;padding-bottom:2rem;min-height:60vh}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .75rem}
.lead{font-size:1.05rem;color:#333}
.cta{display:inline-block;background:var(--primary);color:#fff;font-weight:700;padding:.85rem 1.25rem;border-radius:.5rem;text-decoration:none;border:0;font-size:1.05rem;cursor:pointer}
.cta:hover{filter:brightness(1.1)}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem;list-style:none;padding:0;margin:0}
.tile{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:1rem}
.tile h3{margin:0 0 .25rem;font-size:1.05rem}
.tile p{margin:0;color:#444;font-size:.95rem}
.tile-links{margin:.5rem 0 0;padding-left:1.1rem}
.tile-links li{margin:.2rem 0}
.region h2{margin:0 0 .25rem;font-size:1.1rem}
.region img{float:right;margin-left:.5rem;object-fit:contain}
.card{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:1rem;margin-bottom:1rem}
.field{margin-bottom:1rem}
.field label{display:block;font-weight:600;margin-bottom:.25rem}
.req{font-weight:400;color:#555;font-size:.9rem}
.hint{margin:.1rem 0 .35rem;color:#555;font-size:.9rem}
.error{margin:.1rem 0 .35rem;color:#b00020;font-weight:600}
.has-error input,.has-error select,.has-error textarea{border-color:#b00020;border-width:2px}
input[type=text],input[type=email],input[type=tel],input[type=password],input[type=search],input[type=number],select,textarea{width:100%;padding:.6rem;border:1px solid #8a94a6;border-radius:.4rem;font:inherit;background:#fff}
textarea{min-height:8rem}
fieldset{border:1px solid #d0d5dd;border-radius:.5rem;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.summary{border:2px solid #b00020;background:#fff5f5;border-radius:.5rem;padding:.75rem 1rem;margin-bottom:1rem}
.notice{border-left:4px solid var(--primary);background:#fff;padding:.75rem 1rem;margin-bottom:1rem}
.status{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e8eefc;color:#12306b;font-size:.9rem;font-weight:600}
.overdue{background:#fde8e8;color:#8a1111}
.list{list-style:none;padding:0;margin:0}
.list li{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:.75rem 1rem;margin-bottom:.5rem}
.meta{color:#555;font-size:.9rem;margin:.25rem 0 0}
.history{list-style:none;padding:0;border-left:3px solid #d0d5dd;margin-left:.5rem}
.history li{padding:0 0 1rem 1rem}
.photos{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.photos img{max-width:100%;width:14rem;height:auto;border-radius:.4rem;border:1px solid #d0d5dd}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.5rem;align-items:end}
.secret{font-family:ui-monospace,monospace;font-size:1.1rem;background:#fff;border:1px dashed #8a94a6;padding:.5rem;word-break:break-all}
.big{font-size:1.6rem;font-weight:700;letter-spacing:.05em}
.foot{color:#555;font-size:.9rem;padding-bottom:2rem}
.details{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.details dt{font-weight:600}.details dd{margin:0;word-break:break-word}
.table-wrap{overflow-x:auto;margin-bottom:1rem;position:relative}
.table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d5dd}
.table caption{text-align:left;font-weight:600;padding:.5rem 0}
.table th,.table td{text-align:left;vertical-align:top;padding:.5rem .75rem;border-bottom:1px solid #d0d5dd}
.table thead th{background:#eef1f5}
.table .group th{background:#e8eefc;color:#12306b}
.meta-inline{font-weight:400;color:#333}
button.secondary{background:#fff;color:#0a4f94;border:1px solid #0a4f94;padding:.6rem 1rem;border-radius:.4rem;font:inherit;cursor:pointer}
.choices{display:flex;gap:.5rem 1.25rem;flex-wrap:wrap}
.choice{display:inline-flex;gap:.35rem;align-items:center;font-weight:400}
fieldset.has-error{border-color:#b00020;border-width:2px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
.table td.num{white-space:nowrap}
.table th.num,.table td.num{text-align:right}
.up{color:#a4161a}
.down{color:#136f3a}
.muted{color:#555}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.5rem;margin:0 0 1rem}
.stats div{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:.5rem .75rem}
.stats dt{font-size:.9rem;color:#444}
.stats dd{margin:0}
.stats strong{display:block;font-size:1.2rem}
.chart{margin:0 0 1rem;background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:.5rem}
.chart svg{display:block;width:100%;height:auto}
.chart .wide{display:none}
@media (min-width:48rem){.chart .narrow{display:none}.chart .wide{display:block}}
.columns{display:grid;grid-template-columns:minmax(0,1fr);gap:0 1.5rem}
@media (min-width:48rem){.columns{grid-template-columns:minmax(0,1fr) 16rem}}
.columns h2:first-child{margin-top:0}
.facet{list-style:none;padding:0;margin:0 0 1rem}
.facet a{display:inline-block;padding:.2rem 0}
.facet .on{font-weight:700}
.facets h3{font-size:1rem;margin:1rem 0 .25rem}
.chips{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:.25rem 0 1rem}
.chips a{display:inline-block;background:#e8eefc;color:#12306b;border-radius:1rem;padding:.25rem .75rem;text-decoration:none}
.chips a:hover{text-decoration:underline}
.pager{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;list-style:none;padding:0;margin:1rem 0}
.pager a,.pager span{display:inline-block;padding:.4rem 0}
.item-title{font-size:1.1rem;margin:0 0 .25rem}
.hash{font-size:.85rem;word-break:break-all}
details.more{margin:0 0 1rem}
details.more>summary{cursor:pointer;padding:.35rem 0;font-weight:600}
`;
