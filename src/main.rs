//! The `zhreport` binary: parse the command line, run, map errors to exit codes.

// The per-document stages allocate many short-lived strings and vectors on every thread;
// glibc malloc spent about a tenth of the run there (perf), mimalloc much less.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(zhreport::cli::main());
}
