use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let mut out = Vec::new();
    greet::describe(&mut serde_json::Serializer::new(&mut out), "strata")
        .context("serialising the greeting")?;
    let json: serde_json::Value = serde_json::from_slice(&out)?;
    println!("{}", serde_json::json!({ "greeting": json, "ok": true }));
    Ok(())
}
