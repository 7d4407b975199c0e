fn main() {
    eprintln!("strata: not yet implemented");
    std::process::exit(2);
}
