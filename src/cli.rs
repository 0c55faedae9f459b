//! Command line (clap derive); one function per subcommand.

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    0
}
