// strata's binaries run on mimalloc: conversion allocates many small
// strings, and glibc's malloc/free took about half of its CPU time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(strata::cli::main());
}
