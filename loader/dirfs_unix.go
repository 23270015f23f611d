//go:build unix

package loader

import (
	"os"
	"syscall"
)

// openFlags opens read-only and without blocking: a FIFO opens at once
// (and is then refused as not a regular file); a regular file reads as
// usual.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
