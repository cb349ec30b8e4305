// Allocator settings (memory.hpp).
#include "sim/kernel/memory.hpp"

#include <cstdlib>  // any C library header defines __GLIBC__ (through <features.h>)

#if defined(__GLIBC__)
#include <malloc.h>  // mallopt
#endif

namespace cadresim::kernel {

void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
  // Blocks up to 32 MiB (glibc's largest mmap threshold on 64-bit systems) come from the heap,
  // and the heap's free top is kept up to 1 GiB. Each setting alone gains nothing: a kept block
  // must also come from the heap to be reused. A refused setting (e.g. under a sanitizer's
  // allocator) leaves the default, which only costs time.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

}  // namespace cadresim::kernel
