//go:build unix

package statefile

import "syscall"

// openNonBlock opens a file that became a FIFO between look and open
// without waiting for a writer.
const openNonBlock = syscall.O_NONBLOCK
