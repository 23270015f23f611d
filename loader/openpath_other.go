//go:build unix && !linux

package loader

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// openPath is syscall.Open for a path ended by a NUL, again when
// interrupted.
func openPath(path []byte, flags int) (int, error) {
	name := string(path[:len(path)-1])
	for {
		fd, err := syscall.Open(name, flags, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// openAt is openPath for a path relative to the folder open as dirfd.
func openAt(dirfd int, path []byte, flags int) (int, error) {
	name := string(path[:len(path)-1])
	for {
		fd, err := unix.Openat(dirfd, name, flags, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
