package loader

import (
	"errors"
	"syscall"
)

// errKernelFile is the error for a file of /proc, /sys and the like: not
// text someone wrote, and reading some of them changes things
// (/proc/kmsg hands its messages to the first reader only).
var errKernelFile = errors.New("a file of the kernel (/proc, /sys), not an article")

// kernelFile reports whether fd is on a file system the kernel makes up.
func kernelFile(fd int) bool {
	var s syscall.Statfs_t
	if syscall.Fstatfs(fd, &s) != nil {
		return false
	}
	switch uint32(s.Type) {
	case 0x9fa0, // proc
		0x62656572, // sysfs
		0x64626720, // debugfs
		0x74726163, // tracefs
		0x73636673, // securityfs
		0x62656570, // configfs
		0xde5e81e4, // efivarfs
		0x27e0eb,   // cgroup
		0x63677270, // cgroup2
		0x6e736673, // nsfs
		0xcafe4a11, // bpf
		0x42494e4d: // binfmt_misc
		return true
	}
	return false
}
