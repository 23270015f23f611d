//go:build unix && !linux

package loader

import "errors"

var errKernelFile = errors.New("a file of the kernel, not an article")

// kernelFile is false: only Linux is known to mount /proc files that
// report no size.
func kernelFile(int, uint64) bool { return false }
