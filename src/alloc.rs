//! The memory allocator of every `ezh` process: mimalloc instead of glibc's malloc.
//!
//! Typesetting a statement allocates and frees millions of small objects; with glibc's
//! allocator that took a fifth of the monthly batch's CPU time (`perf`, 07.12.2026: `_int_malloc`,
//! `unlink_chunk`, `malloc_consolidate`…), and with mimalloc the large demo's batch went from
//! 41 s to 27–31 s. Defined in the library, so the benchmarks and the load example measure the
//! allocator the binary runs with.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc 3's `mimalloc.h` (the binding lists no name for it). A
/// test reads mimalloc's own list of options to check the number (`tests/it/cli.rs`).
pub const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory stays with the process before it goes back to the system, in ms.
/// mimalloc's own 1,000 ms kept a batch's finished statements' memory while the next ones were
/// laid out: 470 MB at the peak on the large demo against 390 MB at 100 ms, for the same time.
const PURGE_AFTER_MS: std::ffi::c_long = 100;

/// Sets the allocator's options; call first thing in `main`, before any thread starts. An
/// administrator's `MIMALLOC_PURGE_DELAY` in the environment still wins.
pub fn tune() {
    // SAFETY: mi_option_set_default only stores a number in mimalloc's option table; it is not
    // thread-safe, which is why it runs before the process starts any thread.
    unsafe { libmimalloc_sys::mi_option_set_default(PURGE_DELAY, PURGE_AFTER_MS) }
}
