//! Convert a Dockerfile N times in one process (for side-by-side CPU-time
//! comparisons with upstream's converter): `convert_n FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: convert_n FILE N");
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(&path).expect("read");
    let opts = strata::plan::BuildOptions::default();
    let mut bytes = 0;
    for _ in 0..n {
        let c =
            strata::frontend::convert(&text, "Dockerfile", &opts, &strata::plan::NoImageConfigs)
                .expect("convert");
        bytes += c.definition.to_bytes().len();
    }
    eprintln!("converted {n} times, {bytes} bytes");
}

// The same allocator as the strata binaries (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
