package loader

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
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
