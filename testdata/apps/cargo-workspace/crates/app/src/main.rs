fn main() {
    println!("{}", greet::hello("strata"));
}
