package loader

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// Links to files of /proc are refused unread: /proc/kmsg would block (or
// take the kernel's messages from their reader), /proc/self/pagemap reports
// 0 bytes and gives gigabytes.
func TestKernelFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	links := map[string]string{"1内核日志.txt": "/proc/kmsg", "2页表.txt": "/proc/self/pagemap", "3状态.txt": "/proc/self/status"}
	for name, target := range links {
		if _, err := os.Lstat(target); err != nil {
			continue
		}
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		within(t, "reading a link to "+target, func() {
			_, err := Load(DirFS(dir), newEntry(name, name))
			if err == nil || !strings.Contains(err.Error(), "kernel") {
				t.Errorf("%s: %v, want a refusal", target, err)
			}
			if _, err := LoadRaw(DirFS(dir), newEntry(name, name)); err == nil {
				t.Errorf("%s: LoadRaw read it", target)
			}
		})
		runtime.ReadMemStats(&after)
		if grown := after.TotalAlloc - before.TotalAlloc; grown > 4<<20 {
			t.Errorf("%s: %d MB allocated", target, grown>>20)
		}
	}
}

// The type of a file system is asked only where it can be one the kernel
// makes up (a device of major 0): reading many articles of a disk costs no
// fstatfs, while a file of /proc is still asked about and refused.
func TestKernelFileAsksTypeOnlyWithoutDevice(t *testing.T) {
	start := typeAsked.Load()

	if _, err := os.Stat("/proc/self/status"); err == nil {
		_, _, err := readPath([]byte("/proc/self/status\x00"), 0, nil, 0)
		if !errors.Is(err, errKernelFile) {
			t.Errorf("/proc/self/status: %v, want %v", err, errKernelFile)
		}
		if calls := typeAsked.Load() - start; calls != 1 {
			t.Errorf("/proc/self/status: %d fstatfs, want 1", calls)
		}
	}

	// A folder on a disk: the test's own temporary one, or else the
	// package's.
	dir := ""
	for _, d := range []string{t.TempDir(), "."} {
		var st syscall.Stat_t
		if syscall.Stat(d, &st) == nil && unix.Major(uint64(st.Dev)) != 0 {
			dir = d
			break
		}
	}
	if dir == "" {
		t.Skip("no folder on a block device here")
	}
	sub, err := os.MkdirTemp(dir, "kernelfs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sub) })
	const n = 200
	for i := range n {
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%d正文.txt", i)), []byte("<p>正文</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start = typeAsked.Load()
	buf := make([]byte, 0, 4096)
	for i := range n {
		b, _, ok := readDirect(DirFS(sub), fmt.Sprintf("%d正文.txt", i), buf, 0)
		if !ok || string(b) != "<p>正文</p>" {
			t.Fatalf("file %d: %q, %v", i, b, ok)
		}
	}
	if calls := typeAsked.Load() - start; calls != 0 {
		t.Errorf("%d files of one disk: %d fstatfs, want 0", n, calls)
	}
}
