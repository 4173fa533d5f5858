//! The `ezh` binary: everything lives in the library; see [`ezh::cli::main`].

fn main() -> std::process::ExitCode {
    ezh::alloc::tune();
    ezh::cli::main()
}
