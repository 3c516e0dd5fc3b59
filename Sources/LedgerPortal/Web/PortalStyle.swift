/// `/static/portal.css`: the report pages' style plus the portal's own (menu, forms,
/// verdicts). Served as a file so that the policy needs no `unsafe-inline`.
enum PortalStyle {
    static func css(report: String) -> String {
        report + "\n" + own
    }

    static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="5" y="3" width="22" height="26" rx="3" fill="#1f6fb2"/>        <path d="M10 10h12M10 15h12M10 20h8" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/></svg>
        """

    static let own = """
        body{font-family:Arial,Helvetica,sans-serif;max-width:1200px}
        nav.top{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;border-bottom:2px solid #1f6fb2;padding:.4rem 0;margin-bottom:1rem}
        nav.top .brand{font-weight:bold;color:#1f6fb2}nav.top a{color:#1f4f82;text-decoration:none}nav.top a:hover{text-decoration:underline}
        form.signout{margin-left:auto;font-size:.85rem}
        main h1{font-size:1.4rem}main section{margin-bottom:1.4rem}
        form.card,.card{border:1px solid #d5dbe3;border-radius:6px;padding:.8rem 1rem;margin:.6rem 0;background:#fafcff}
        label{display:block;margin:.4rem 0 .1rem}input[type=text],input[type=password],input[type=date],select{padding:.3rem;min-width:14rem}
        button{padding:.35rem .9rem;border:1px solid #1f6fb2;background:#1f6fb2;color:#fff;border-radius:4px;cursor:pointer}
        .signout button{background:#fff;color:#1f6fb2}
        .problem{color:#a02b1f;font-weight:bold}.ok{color:#1e6b41;font-weight:bold}
        .verdict{border-left:4px solid #999;padding:.3rem .8rem;margin:.5rem 0}.verdict.accepted{border-color:#2e8b57}.verdict.rejected{border-color:#c0392b}
        .verdict ul{margin:.2rem 0}.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end}.filters label{margin:0}
        .watch{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1rem}
        .watch div{border:1px solid #e3c9c5;border-radius:6px;padding:.5rem .8rem;background:#fff8f7}.watch h3{margin:.1rem 0 .4rem}
        pre.data{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5rem;font-size:.8rem}
        td code{font-size:.7rem}.muted{color:#5f5f5f;font-size:.85rem}
        .actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.4rem 0 .8rem}.action{border:1px solid #e3c9c5;border-radius:6px;padding:.4rem .7rem;background:#fff8f7;color:#222;text-decoration:none}
        .action b{font-size:1.3rem;color:#a8321f;margin-right:.3rem}.watch details summary h3{display:inline;font-size:1rem}
        .watch details{border:1px solid #e3c9c5;border-radius:6px;padding:.5rem .8rem;background:#fff8f7}
        .ok{color:#1e6b41}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
        nav.forms ul{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0}
        form.entry textarea,form.entry input[type=text]{max-width:100%}
        a.button{display:inline-block;padding:.35rem .9rem;border:1px solid #1f6fb2;border-radius:4px;color:#1f6fb2;text-decoration:none}
        @media (max-width:700px){body{margin:.5rem;padding:0}input[type=text],input[type=password],input[type=date],select{min-width:0;max-width:100%}
        pre,code{white-space:pre-wrap;word-break:break-all}nav.top{gap:.3rem .8rem}form.signout{margin-left:0}}
        """
}
