use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let text = std::fs::read_to_string(&path).expect("read");
    let opts = strata::plan::BuildOptions::default();
    for _ in 0..2 {
        let t = Instant::now();
        let df = strata::dockerfile::parse(&text).expect("parse");
        let t1 = t.elapsed();
        let plan = strata::plan::plan(&df, &opts, &strata::plan::NoImageConfigs).expect("plan");
        let t2 = t.elapsed();
        let root = strata::frontend::lower(&plan, &Default::default());
        let t3 = t.elapsed();
        let m = strata::llb::marshal(&root, None);
        let t4 = t.elapsed();
        let b = m.to_bytes();
        let t5 = t.elapsed();
        println!(
            "parse {:?} plan {:?} lower {:?} marshal {:?} bytes {:?} ({})",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4,
            b.len()
        );
    }
}
