//go:build unix

// File names holding ESC, BEL, newlines or bytes that are not UTF-8 exist
// only on Unix file systems: the hostile collection cannot be built elsewhere.

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

// hostile is the committed collection of files whose names and contents
// try to reach the terminal: escape sequences, C1 controls, bidi overrides,
// character references to controls, invalid bytes, odd encodings.
const hostile = "testdata/hostile"

// hostileListed is how many articles the committed collection holds.
const hostileListed = 16

// Names of the files the generator adds to a copy of the fixture.
const (
	genBinary     = "201二进制文件.txt"
	genControls   = "202控制字符太多.txt"
	genLoopA      = "203链接环甲.txt"
	genLoopB      = "204链接环乙.txt"
	genSelfLoop   = "205自己指向自己.txt"
	genDangling   = "206悬空链接.txt"
	genFIFO       = "207命名管道.txt"
	genNoPerm     = "208无权读取.txt"
	genIOError    = "209读取出错.txt"
	genHuge       = "210超大文件.txt"
	genSparse     = "211稀疏的巨大文件.txt"
	genDirLoop    = "环形目录"
	hugeSentence  = "城市快速路改造工程进展顺利，预计年底全线通车，沿线居民出行将更加方便。"
	hugeEscape    = "\x1b]52;c;aGk=\x07\x1b[2J\u009b31m\u202e"
	plainArticle  = "<p>　　这是一篇普通的文章，用来检查读取错误。</p>\n"
	procMem       = "/proc/self/mem"
	cliHugeSize   = 4 << 20
	hugeSentences = 1000 // sentences between two escape sequences
)

// collection is a copy of the hostile fixture plus the files that cannot be
// committed: binary content, symbolic link loops, a FIFO, unreadable files,
// a sparse file of a gigabyte and, when hugeSize > 0, a file of about
// hugeSize bytes on one line.
type collection struct {
	dir        string
	listed     int  // articles Scan lists
	noPermBite bool // reading genNoPerm fails (not when running as root)
	ioError    bool // genIOError exists and cannot be read
}

func makeCollection(t *testing.T, hugeSize int) collection {
	t.Helper()
	c := collection{dir: t.TempDir(), listed: hostileListed}
	copyTree(t, hostile, c.dir)
	put := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(c.dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		c.listed++
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(c.dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	var bin []byte
	bin = append(bin, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"...)
	for i := range 2048 {
		bin = append(bin, byte(i*7))
	}
	put(genBinary, bin)
	put(genControls, []byte(strings.Repeat("\x1b[31m\x07\x08\x01\x02文字", 300)))
	link(genLoopB, genLoopA)
	link(genLoopA, genLoopB)
	link(genSelfLoop, genSelfLoop)
	link("不存在的文件.txt", genDangling)
	link(".", genDirLoop)
	if err := syscall.Mkfifo(filepath.Join(c.dir, genFIFO), 0o644); err != nil {
		t.Fatal("mkfifo:", err)
	}
	put(genNoPerm, []byte(plainArticle))
	if err := os.Chmod(filepath.Join(c.dir, genNoPerm), 0); err != nil {
		t.Fatal(err)
	}
	_, err := os.ReadFile(filepath.Join(c.dir, genNoPerm))
	c.noPermBite = err != nil // root reads it all the same
	if runtime.GOOS == "linux" {
		// A regular file whose read fails even for root.
		if _, err := os.ReadFile(procMem); err != nil {
			link(procMem, genIOError)
			c.listed++
			c.ioError = true
		}
	}
	if hugeSize > 0 {
		put(genHuge, hugeContent(hugeSize))
	}
	// gigabytes that take no room on disk
	put(genSparse, []byte(plainArticle))
	if err := os.Truncate(filepath.Join(c.dir, genSparse), 1<<30); err != nil {
		t.Fatal(err)
	}
	return c
}

// hugeContent is about size bytes of article text on a single line, with an
// escape sequence every hugeSentences sentences.
func hugeContent(size int) []byte {
	b := make([]byte, 0, size+len(hugeEscape)*size/len(hugeSentence)/hugeSentences+64)
	b = append(b, genHuge+"\n<div>"...)
	for i := 0; len(b) < size; i++ {
		if i%hugeSentences == 0 {
			b = append(b, hugeEscape...)
		}
		b = append(b, hugeSentence...)
	}
	return append(b, "</div>"...)
}

// copyTree copies the regular files and folders of src into dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The fixture must stay hostile: a cleaned-up copy would let every other
// test here pass without proving anything.
func TestHostileFixtureHoldsTheCases(t *testing.T) {
	var names, folders []string
	contents := map[string][]byte{}
	err := filepath.WalkDir(hostile, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == hostile {
			return err
		}
		if d.IsDir() {
			folders = append(folders, d.Name())
			return nil
		}
		names = append(names, d.Name())
		b, err := os.ReadFile(p)
		contents[d.Name()] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	anyName := func(list []string, f func(string) bool) bool { return slices.ContainsFunc(list, f) }
	anyContent := func(f func([]byte) bool) bool {
		for _, b := range contents {
			if f(b) {
				return true
			}
		}
		return false
	}
	has := func(sub string) func(string) bool {
		return func(s string) bool { return strings.Contains(s, sub) }
	}
	holds := func(sub string) func([]byte) bool {
		return func(b []byte) bool { return bytes.Contains(b, []byte(sub)) }
	}
	cases := []struct {
		what string
		ok   bool
	}{
		{"a name with OSC 0 (ESC ] 0 ; … BEL)", anyName(names, has("\x1b]0;"))},
		{"a name with C1 CSI U+009B", anyName(names, has("\u009b"))},
		{"a name with a bidi override U+202E", anyName(names, has("\u202e"))},
		{"a name with isolates U+2066/U+2069", anyName(names, has("\u2066"))},
		{"a name with a newline and a tab", anyName(names, func(s string) bool { return strings.ContainsAny(s, "\n") && strings.Contains(s, "\t") })},
		{"a name that is not UTF-8", anyName(names, func(s string) bool { return !utf8.ValidString(s) })},
		{"a name of escape sequences only", anyName(names, func(s string) bool { return strings.HasPrefix(s, "\x1b[") })},
		{"a folder name with OSC 52", anyName(folders, has("\x1b]52;"))},
		{"a folder name with bidi and C1", anyName(folders, func(s string) bool { return strings.Contains(s, "\u202e") && strings.Contains(s, "\u009b") })},
		{"content with OSC 52", anyContent(holds("\x1b]52;"))},
		{"content with CSI 2J", anyContent(holds("\x1b[2J"))},
		{"content with OSC 8 and DCS", anyContent(func(b []byte) bool {
			return bytes.Contains(b, []byte("\x1b]8;;")) && bytes.Contains(b, []byte("\x1bP"))
		})},
		{"content with UTF-8 C1 controls", anyContent(holds("\u009b"))},
		{"content with bidi overrides", anyContent(holds("\u202e"))},
		{"content with &#27; and &#x9b;", anyContent(func(b []byte) bool { return bytes.Contains(b, []byte("&#27;")) && bytes.Contains(b, []byte("&#x9b;")) })},
		{"content with &amp;#27;", anyContent(holds("&amp;#27;"))},
		{"content with a lone CR", anyContent(func(b []byte) bool { return bytes.Contains(b, []byte("\r")) && !bytes.Contains(b, []byte("\r\n")) })},
		{"content with invalid UTF-8 and ESC", anyContent(func(b []byte) bool { return !utf8.Valid(b) && bytes.Contains(b, []byte("\xff\xc0\xaf")) })},
		{"GB18030 content with ESC", anyContent(func(b []byte) bool {
			return !utf8.Valid(b) && bytes.Contains(b, []byte("\x1b]0;")) && bytes.Contains(b, []byte("GB18030"))
		})},
		{"UTF-16 content", anyContent(func(b []byte) bool {
			return bytes.HasPrefix(b, []byte{0xff, 0xfe}) && bytes.Contains(b, []byte{0x1b, 0})
		})},
		{"an empty file", anyContent(func(b []byte) bool { return len(b) == 0 })},
	}
	for _, c := range cases {
		if !c.ok {
			t.Errorf("the fixture lacks %s", c.what)
		}
	}
	if n := len(names); n != hostileListed {
		t.Errorf("%d files, want %d", n, hostileListed)
	}
}

// articleFiles returns every name ending in ".txt" under dir, links
// included, as on disk (--list shows hostile names changed).
func articleFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
