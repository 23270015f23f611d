package loader

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// openPath is syscall.Open for a path already ended by a NUL, which
// syscall.Open would copy to a new one: openat from the working directory,
// again when interrupted.
func openPath(path []byte, flags int) (int, error) {
	return openAt(unix.AT_FDCWD, path, flags)
}

// openAt is openPath for a path relative to the folder open as dirfd.
func openAt(dirfd int, path []byte, flags int) (int, error) {
	for {
		fd, _, e := syscall.Syscall6(syscall.SYS_OPENAT, uintptr(dirfd), uintptr(unsafe.Pointer(&path[0])),
			uintptr(flags|syscall.O_LARGEFILE), 0, 0, 0)
		switch e {
		case 0:
			return int(fd), nil
		case syscall.EINTR:
			continue
		}
		return -1, e
	}
}
