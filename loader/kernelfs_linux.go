package loader

import (
	"errors"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// errKernelFile is the error for a file of /proc, /sys and the like: not
// text someone wrote, and reading some of them changes things
// (/proc/kmsg hands its messages to the first reader only).
var errKernelFile = errors.New("a file of the kernel (/proc, /sys), not an article")

// typeAsked counts the calls of fstatfs by kernelFile, for tests.
var typeAsked atomic.Int64

// kernelFile reports whether fd, whose device is dev (from fstat), is on a
// file system the kernel makes up.
//
// Each of these file systems is mounted without a device: Linux gives it an
// anonymous device number, of major 0 (UNNAMED_MAJOR), and stat reports
// that number. A file whose device has another major is on a file system
// that lives on a block device (ext4, xfs, btrfs's main volume...), which
// none of these is, so its type need not be asked (one system call less
// for every article read).
func kernelFile(fd int, dev uint64) bool {
	if unix.Major(dev) != 0 {
		return false
	}
	var s syscall.Statfs_t
	typeAsked.Add(1)
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
