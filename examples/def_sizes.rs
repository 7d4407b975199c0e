use prost::Message;
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let text = std::fs::read_to_string(&path).expect("read");
    let c = strata::frontend::convert(
        &text,
        "Dockerfile",
        &Default::default(),
        &strata::plan::NoImageConfigs,
    )
    .expect("convert");
    let d = &c.definition.definition;
    let ops: usize = d.def.iter().map(|b| b.len()).sum();
    let md: usize = d.metadata.values().map(|m| m.encoded_len()).sum();
    let src = d.source.as_ref().map(|s| s.encoded_len()).unwrap_or(0);
    let mut by_kind = std::collections::BTreeMap::new();
    for b in &d.def {
        let op = strata::proto::pb::Op::decode(b.as_slice()).unwrap();
        let k = match &op.op {
            Some(strata::proto::pb::op::Op::Exec(_)) => "exec",
            Some(strata::proto::pb::op::Op::File(_)) => "file",
            Some(strata::proto::pb::op::Op::Source(_)) => "source",
            _ => "other",
        };
        *by_kind.entry(k).or_insert(0usize) += b.len();
    }
    println!(
        "ops={} total={} ops_bytes={} metadata={} source={} by_kind={:?}",
        d.def.len(),
        d.encoded_len(),
        ops,
        md,
        src,
        by_kind
    );
}
