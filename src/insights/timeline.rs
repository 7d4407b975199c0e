//! One self-contained HTML file for a build: the summary figures, a Gantt
//! chart of its steps (start to stop, cached or executed, the critical path
//! marked) and each step's log.
//!
//! No network and no external assets: the chart is inline SVG drawn here,
//! the styles and the small script (hover details, log toggles) are inline.
//! Every text from the build (names, logs, errors) is HTML-escaped.

use std::fmt::Write as _;

use super::record::BuildRow;
use super::stats::{human_bytes, human_ms};
use super::steps::{Step, critical_path};

/// Escape text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Terminal control bytes (colours) do not belong in a page.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

const ROW_HEIGHT: u32 = 22;
const LABEL_WIDTH: u32 = 360;
const CHART_WIDTH: u32 = 760;

const STYLE: &str = r#"
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:20px;margin:0 0 8px}
table.summary td{padding:2px 12px 2px 0}
.legend span{display:inline-block;margin-right:16px}
.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
svg text{font:12px system-ui,sans-serif}
rect.executed{fill:#3b7dd8}
rect.cached{fill:#b8c4d6}
rect.errored{fill:#d83b3b}
rect.critical{stroke:#e08a00;stroke-width:2}
details{margin:4px 0}
pre{background:#f5f5f5;padding:8px;overflow:auto;max-height:400px}
#tip{position:fixed;background:#222;color:#fff;padding:4px 8px;border-radius:4px;display:none;pointer-events:none}
"#;

const SCRIPT: &str = r#"
(function(){
  var tip=document.getElementById('tip');
  document.querySelectorAll('rect.step').forEach(function(r){
    r.addEventListener('mousemove',function(e){tip.textContent=r.getAttribute('data-label');tip.style.display='block';tip.style.left=(e.clientX+12)+'px';tip.style.top=(e.clientY+12)+'px';});
    r.addEventListener('mouseleave',function(){tip.style.display='none';});
    r.addEventListener('click',function(){var d=document.getElementById('log-'+r.getAttribute('data-index'));if(d){d.open=true;d.scrollIntoView();}});
  });
  var chart=document.getElementById('gantt');
  chart.setAttribute('data-ready','true');
  chart.setAttribute('data-steps',String(document.querySelectorAll('rect.step').length));
  chart.setAttribute('data-critical',String(document.querySelectorAll('rect.critical').length));
})();
"#;

/// The whole page. `steps` in index order; internal steps are drawn too
/// (context transfer and metadata loads take real time).
pub fn render(row: &BuildRow, steps: &[Step]) -> String {
    let critical = critical_path(steps);
    let drawn: Vec<&Step> = steps.iter().filter(|s| s.started_ms.is_some()).collect();
    let t0 = drawn
        .iter()
        .filter_map(|s| s.started_ms)
        .min()
        .unwrap_or(row.created_ms);
    let t1 = drawn
        .iter()
        .filter_map(|s| s.completed_ms.or(s.started_ms))
        .max()
        .unwrap_or(t0)
        .max(t0 + 1);
    let scale = f64::from(CHART_WIDTH) / (t1 - t0) as f64;
    let height = ROW_HEIGHT * (drawn.len() as u32 + 1) + 10;
    let executed = steps.iter().filter(|s| s.executed()).count();
    let context: u64 = steps
        .iter()
        .filter(|s| s.internal && s.instruction.starts_with("load build context"))
        .map(|s| s.bytes)
        .sum();

    let mut h = String::new();
    let title = escape(&format!("{} {}", row.name, row.build_ref));
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\
         <title>build {title}</title><style>{STYLE}</style></head><body>\n"
    );
    let _ = write!(
        h,
        "<h1>build {}</h1>\n<table class=\"summary\" id=\"summary\">",
        escape(&row.build_ref)
    );
    let mut fig = |k: &str, v: String| {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"figure\">{}</td></tr>",
            escape(k),
            escape(&v)
        );
    };
    fig("project", row.name.clone());
    if !row.target.is_empty() {
        fig("target", row.target.clone());
    }
    fig("status", row.status.to_string());
    fig("wall time", human_ms(row.duration_ms));
    fig(
        "steps",
        format!(
            "{} total, {} cached, {} executed",
            row.total_steps, row.cached_steps, executed
        ),
    );
    if let Some(rate) = row.hit_rate() {
        fig("cache hit rate", format!("{:.0}%", rate * 100.0));
    }
    if context > 0 {
        fig("context sent", human_bytes(context));
    }
    if let Some(e) = &row.error {
        fig("error", e.clone());
    }
    h.push_str("</table>\n<p class=\"legend\"><span><i class=\"swatch\" style=\"background:#3b7dd8\"></i>executed</span>\
        <span><i class=\"swatch\" style=\"background:#b8c4d6\"></i>cached</span>\
        <span><i class=\"swatch\" style=\"background:#d83b3b\"></i>failed</span>\
        <span><i class=\"swatch\" style=\"border:2px solid #e08a00\"></i>critical path</span></p>\n");

    let _ = writeln!(
        h,
        "<svg id=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"build timeline\">",
        LABEL_WIDTH + CHART_WIDTH + 70
    );
    // Time axis: five ticks.
    for i in 0..=4 {
        let x = LABEL_WIDTH as f64 + f64::from(CHART_WIDTH) * f64::from(i) / 4.0;
        let at = (t1 - t0) * i64::from(i) / 4;
        let _ = writeln!(
            h,
            "<line x1=\"{x:.1}\" y1=\"0\" x2=\"{x:.1}\" y2=\"{height}\" stroke=\"#eee\"/><text class=\"tick\" x=\"{x:.1}\" y=\"12\">{}</text>",
            human_ms(at)
        );
    }
    for (row_i, s) in drawn.iter().enumerate() {
        let y = ROW_HEIGHT * (row_i as u32 + 1);
        let start = s.started_ms.unwrap_or(t0);
        let end = s.completed_ms.unwrap_or(t1);
        let x = LABEL_WIDTH as f64 + (start - t0) as f64 * scale;
        let w = ((end - start) as f64 * scale).max(2.0);
        let class = if s.error.is_some() {
            "errored"
        } else if s.cached {
            "cached"
        } else {
            "executed"
        };
        let crit = if critical.contains(&s.digest) {
            " critical"
        } else {
            ""
        };
        let state = if s.cached { "cached" } else { "executed" };
        let label = format!(
            "#{} {} — {} ({})",
            s.index,
            s.name,
            human_ms(end - start),
            state
        );
        let mut name = s.name.clone();
        if name.chars().count() > 46 {
            name = name.chars().take(45).collect::<String>() + "…";
        }
        let _ = writeln!(
            h,
            "<text x=\"4\" y=\"{}\">#{} {}</text><rect class=\"step {class}{crit}\" data-index=\"{}\" data-state=\"{state}\" data-start-ms=\"{}\" data-end-ms=\"{}\" data-label=\"{}\" x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\"><title>{}</title></rect>",
            y + 15,
            s.index,
            escape(&name),
            s.index,
            start - t0,
            end - t0,
            escape(&label),
            y + 3,
            ROW_HEIGHT - 6,
            escape(&label)
        );
    }
    h.push_str("</svg>\n<div id=\"tip\"></div>\n<h2>Steps</h2>\n");
    for s in steps {
        let state = if s.error.is_some() {
            "failed"
        } else if s.cached {
            "cached"
        } else if s.completed_ms.is_some() {
            "executed"
        } else {
            "not finished"
        };
        let dur = s.duration_ms().map(human_ms).unwrap_or_else(|| "-".into());
        let _ = write!(
            h,
            "<details class=\"log\" id=\"log-{}\"><summary>#{} {} — {} {}</summary>",
            s.index,
            s.index,
            escape(&s.name),
            state,
            dur
        );
        if let Some(e) = &s.error {
            let _ = write!(h, "<p class=\"error\">{}</p>", escape(e));
        }
        if s.log.is_empty() {
            h.push_str("<p>(no output)</p>");
        } else {
            if s.log_dropped > 0 {
                let _ = write!(h, "<p>({} earlier bytes not kept)</p>", s.log_dropped);
            }
            let _ = write!(h, "<pre>{}</pre>", escape(&String::from_utf8_lossy(&s.log)));
        }
        h.push_str("</details>\n");
    }
    let _ = write!(h, "<script>{SCRIPT}</script>\n</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::record::row;
    use crate::insights::steps::{fold, tests::sample};
    use crate::proto::control::BuildHistoryRecord;

    #[test]
    fn page_is_self_contained_and_escaped() {
        let mut msgs = sample();
        msgs[1].logs[0].msg = b"<script>alert(1)</script>\x1b[31m\n".to_vec();
        let record = BuildHistoryRecord {
            r#ref: "r1".into(),
            num_total_steps: 4,
            ..Default::default()
        };
        let page = render(&row(&record, Some(("app", "")), 0), &fold(&msgs));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains('\x1b'));
        assert_eq!(page.matches("<script>").count(), 1, "only our own script");
        for external in ["src=\"http", "href=\"http", "@import", "url("] {
            assert!(!page.contains(external), "{external}");
        }
        assert_eq!(page.matches("class=\"step ").count(), 4);
        // The critical path: ctx → copy → run.
        assert_eq!(page.matches(" critical\"").count(), 3);
        assert!(page.contains("class=\"step cached\""));
    }
}
