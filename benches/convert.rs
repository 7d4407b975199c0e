//! Parse + plan + lower + marshal of generated Dockerfiles (~100, ~1,000 and
//! ~10,000 instructions; see scripts/gen-dockerfile.py). The side-by-side
//! comparison with upstream's Go dockerfile2llb is scripted separately.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use strata::frontend::convert;
use strata::plan::{BuildOptions, NoImageConfigs};

// The same allocator as the strata binaries, so the bench measures what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench_convert(c: &mut Criterion) {
    let mut group = c.benchmark_group("dockerfile_to_llb");
    group.sample_size(20);
    for n in [100usize, 1000, 10000] {
        let path = format!(
            "{}/benches/data/gen{n}.Dockerfile",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path)
            .expect("generated Dockerfile (scripts/gen-dockerfile.py)");
        let opts = BuildOptions::default();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let out = convert(text, "Dockerfile", &opts, &NoImageConfigs).expect("converts");
                std::hint::black_box(out.definition.to_bytes().len())
            })
        });
    }
    group.finish();
}

fn bench_parse_only(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.sample_size(20);
    for n in [100usize, 1000, 10000] {
        let path = format!(
            "{}/benches/data/gen{n}.Dockerfile",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("generated Dockerfile");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                std::hint::black_box(
                    strata::dockerfile::parse(text)
                        .expect("parses")
                        .instructions
                        .len(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_convert, bench_parse_only);
criterion_main!(benches);
