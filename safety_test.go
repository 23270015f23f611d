//go:build unix

// File names holding ESC, BEL, newlines or bytes that are not UTF-8 exist
// only on Unix file systems: the hostile collection cannot be built elsewhere.

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"newsbrowse/loader/termcheck"
)

// terminalHazard describes the first thing in s a terminal could act on
// ("" when none); newlines and tabs are laid out and allowed.
func terminalHazard(s string) string { return termcheck.Hazard(s, "\n\t") }

func assertSafe(t *testing.T, where, s string) {
	t.Helper()
	if h := terminalHazard(s); h != "" {
		t.Errorf("%s: %s", where, h)
	}
}

// nullListRows splits the output of --list -0 into its columns.
func nullListRows(t *testing.T, out string) [][3]string {
	t.Helper()
	var rows [][3]string
	for _, r := range strings.Split(strings.TrimSuffix(out, "\x00"), "\x00") {
		f := strings.SplitN(r, "\t", 3)
		if len(f) != 3 {
			t.Errorf("row %q has %d columns, want 3", r, len(f))
			continue
		}
		rows = append(rows, [3]string(f))
	}
	return rows
}

// Titles are made safe; the path column holds each name as on disk, so
// that the files open (the terminal form is checked in paths_linux_test.go).
func TestListShowsOnlyPrintableText(t *testing.T) {
	gen := makeCollection(t, 0)
	for _, root := range []struct {
		dir  string
		rows int
	}{{hostile, hostileListed}, {gen.dir, gen.listed}} {
		out, errs, code := runCLI(t, "--list", "-0", root.dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", root.dir, code, errs)
		}
		assertSafe(t, "--list stderr", errs)
		rows := nullListRows(t, out)
		if len(rows) != root.rows {
			t.Errorf("%s: %d rows, want %d:\n%q", root.dir, len(rows), root.rows, out)
		}
		var got []string
		for _, r := range rows {
			assertSafe(t, "--list prefix and title", r[0]+"\t"+r[1])
			if strings.ContainsAny(r[0]+r[1], "\t\n") {
				t.Errorf("row %q: a newline or tab in a name forged a column", r)
			}
			if _, err := os.Lstat(filepath.Join(root.dir, r[2])); err != nil {
				t.Errorf("the path column %q does not open: %v", r[2], err)
			}
			got = append(got, strings.Join(r[:], "\t"))
		}
		for _, want := range []string{
			"101\t终端标题]0;被改写的标题注入\t101终端标题\x1b]0;被改写的标题\a注入.txt",
			"102\t2J0;C1标题城市公园改造完成\t102\u009b2J\u009d0;C1标题\u009c城市公园改造完成.txt",
			"103\t反转标题隔离的乡村振兴报道\t103\u202e反转\u202c标题\u2066隔离\u2069的乡村振兴报道.txt",
			"111\t子目录中的文章\t子目录\x1b]52;c;aGk=\a/111子目录中的文章.txt",
			"112\t反转目录中的文章\t\u202e夹\u009b31m/112反转目录中的文章.txt",
			"113\t换行 伪造 一行\t113换行\n伪造\t一行.txt",
			"\t[2J[H\t\x1b[2J\x1b[H.txt",
		} {
			if !slices.Contains(got, want) {
				t.Errorf("%s: no row %q in\n%q", root.dir, want, out)
			}
		}
	}
}

func TestPrintShowsOnlyPrintableText(t *testing.T) {
	gen := makeCollection(t, cliHugeSize)
	failing := map[string]bool{genBinary: true, genControls: true, genSparse: true}
	usage := map[string]bool{genLoopA: true, genLoopB: true, genSelfLoop: true, genDangling: true, genFIFO: true}
	for _, dir := range []string{hostile, gen.dir} {
		for _, f := range articleFiles(t, dir) {
			base := filepath.Base(f)
			if base == genIOError || base == genNoPerm {
				continue // TestExitCodes
			}
			widths := []int{1, 2, 3, 7, 40, 200}
			if base == genHuge {
				widths = []int{80}
			}
			for _, w := range widths {
				out, errs, code := runCLI(t, "--print", f, "--width", fmt.Sprint(w))
				where := fmt.Sprintf("--print %q --width %d", f, w)
				assertSafe(t, where+" stdout", out)
				assertSafe(t, where+" stderr", errs)
				want := 0
				if failing[base] {
					want = 1
				} else if usage[base] {
					want = 2
				}
				if code != want {
					t.Errorf("%s: exit %d, want %d (stderr %q)", where, code, want, errs)
				}
				if code != 0 && (out != "" || strings.Count(errs, "\n") != 1) {
					t.Errorf("%s: stdout %q, stderr %q: want one line on stderr only", where, out, errs)
				}
			}
		}
	}
}

// What the cleaned articles must say: references decoded once, controls
// gone, the text around them intact.
func TestPrintKeepsTheTextAroundHostileBytes(t *testing.T) {
	cases := []struct {
		file          string
		want, notWant []string
	}{
		{"101终端标题\x1b]0;被改写的标题\x07注入.txt",
			[]string{"终端标题]0;被改写的标题注入\n", "　　市图书馆今天起延长开放时间]52;c;", "[2J[H，此举", "图书馆网站", "正常的一句话"},
			nil},
		{"104实体编码的控制字符.txt",
			[]string{"本市举办]0;伪造标题青少年科技节", "参赛作品›31m共有›八百多件", "评委认为今年作品水平明显提高", "展览将持续两周"},
			[]string{"&#", "&amp;", "&rlm;", "&NewLine;"}},
		{"105双重编码的字符引用.txt",
			[]string{"文中提到的代码是&#27;[2J和&#x9b;31m，", "再多一层的&amp;#27;也只解码一次，&lt;script&gt;同样如此"},
			nil},
		{"107GB18030编码的文章.txt",
			[]string{"本县今年粮食总产量再创新高]0;伪造，", "[5m新品种[0m和节水灌溉技术2J", "农民合作社负责人介绍了"},
			nil},
		{"109UTF-16编码的文章.txt",
			[]string{"地铁五号线]52;c;aGk=今天开通试运营", "沿线设有31m十五座车站，"},
			nil},
		{"114标签内的控制字符.txt",
			[]string{"闪烁的标题", "　　正文第一段：博物馆新馆[8m正式开馆[28m，", "链接文字7m", "文本框里的内容"},
			[]string{"document.write", "页面标题", "注释", "color:red", "javascript"}},
		{"115纯文本文章.txt",
			[]string{"　　今年春运期间[1A[2K，", "　　客流高峰预计c出现在节后第一周#8。"},
			nil},
		{"108空文件.txt", []string{"空文件\n"}, nil},
	}
	for _, c := range cases {
		out, errs, code := runCLI(t, "--print", filepath.Join(hostile, c.file), "--width", "400")
		if code != 0 {
			t.Errorf("%q: exit %d: %s", c.file, code, errs)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%q: output lacks %q:\n%s", c.file, w, out)
			}
		}
		for _, w := range c.notWant {
			if strings.Contains(out, w) {
				t.Errorf("%q: output holds %q:\n%s", c.file, w, out)
			}
		}
	}
}

// grepRows splits the output of --grep -0 into its columns: count and
// snippet hold no tab, so the path is all before them.
func grepRows(t *testing.T, out string) [][3]string {
	t.Helper()
	var rows [][3]string
	if out == "" {
		return nil
	}
	for _, r := range strings.Split(strings.TrimSuffix(out, "\x00"), "\x00") {
		i := strings.LastIndexByte(r, '\t')
		j := -1
		if i > 0 {
			j = strings.LastIndexByte(r[:i], '\t')
		}
		if j < 0 {
			t.Errorf("row %q has fewer than 3 columns", r)
			continue
		}
		rows = append(rows, [3]string{r[:j], r[j+1 : i], r[i+1:]})
	}
	return rows
}

func TestGrepShowsOnlyPrintableText(t *testing.T) {
	gen := makeCollection(t, cliHugeSize)
	queries := []string{"标题", "[2J", "52;c", "31m", "›", "&#27;", "图书馆", "文章", "反转", "通车"}
	for _, dir := range []string{hostile, gen.dir} {
		for _, q := range queries {
			out, errs, code := runCLI(t, "--grep", q, "-0", dir)
			where := fmt.Sprintf("--grep %q %s", q, dir)
			assertSafe(t, where+" stderr", errs)
			switch {
			case dir == gen.dir:
				// the sparse file of a gigabyte cannot be read: grep's 2
				if code != 2 || !strings.Contains(errs, genSparse+": file too large") {
					t.Errorf("%s: exit %d, stderr %q: want 2 naming %s", where, code, errs, genSparse)
				}
			case (code == 0) != (out != "") || (code != 0 && code != 1):
				t.Errorf("%s: exit %d with output %q", where, code, out)
			}
			for _, r := range grepRows(t, out) {
				assertSafe(t, where+" count and snippet", r[1]+"\t"+r[2])
				if _, err := os.Lstat(filepath.Join(dir, r[0])); err != nil {
					t.Errorf("%s: the path column %q does not open: %v", where, r[0], err)
				}
			}
		}
	}
	// the double-encoded reference is text; the single one was decoded
	out, _, _ := runCLI(t, "--grep", "&#27;", hostile)
	if !strings.HasPrefix(out, "105双重编码的字符引用.txt\t1\t") || strings.Count(out, "\n") != 1 {
		t.Errorf("--grep &#27;: %q", out)
	}
	// a control character cannot be in a cleaned article: the query is refused
	for _, q := range []string{"\x1b", "\x07", "\u009b", "\n", "\t"} {
		if out, errs, code := runCLI(t, "--grep", q, gen.dir); code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("--grep %q: exit %d, %q, %q", q, code, out, errs)
		}
	}
	if out, _, _ := runCLI(t, "--grep", "通车", gen.dir); !strings.HasPrefix(out, genHuge+"\t") {
		t.Errorf("the huge file is not searched: %q", out)
	}
}

// runWithin runs the CLI and fails if it has not returned after limit.
func runWithin(t *testing.T, limit time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	type result struct {
		out, errs string
		code      int
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		code := run(args, &out, &errb)
		done <- result{out.String(), errb.String(), code}
	}()
	select {
	case r := <-done:
		return r.out, r.errs, r.code
	case <-time.After(limit):
		t.Fatalf("%q did not return within %v", args, limit)
	}
	return "", "", 0
}

func TestExitCodes(t *testing.T) {
	gen := makeCollection(t, 0)
	in := func(name string) string { return filepath.Join(gen.dir, name) }
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--print", in(genBinary)}, 1, "binary file, not shown"},
		{[]string{"--print", in(genControls)}, 1, "binary file, not shown"},
		{[]string{"--print", in(genSparse)}, 1, "file too large to show (1024 MB, more than 256 MB)"},
		{[]string{"--print", in(genLoopA)}, 2, "too many levels of symbolic links"},
		{[]string{"--print", in(genSelfLoop)}, 2, "too many levels of symbolic links"},
		{[]string{"--print", in(genDangling)}, 2, "no such file"},
		{[]string{"--print", in(genFIFO)}, 2, "not a regular file"},
		{[]string{"--print", in("不存在.txt")}, 2, "no such file"},
		{[]string{"--print", gen.dir}, 2, "is a folder"},
		{[]string{"--list", in("不存在")}, 2, "no such file"},
		{[]string{"--grep", "标题", in("不存在")}, 2, "no such file"},
		{[]string{"--list", in(genFIFO)}, 2, "not a"},
		{[]string{"--grep", "标题", in(genFIFO)}, 2, "not a"},
		{[]string{"--list", "/dev/null"}, 2, "not a"},
		{[]string{"--list", in(genDirLoop + "/" + genDirLoop + "/" + genLoopA)}, 2, "too many levels of symbolic links"},
		{[]string{"--grep", "标题", in(genSelfLoop)}, 2, "too many levels of symbolic links"},
		{[]string{"--list", gen.dir}, 0, ""},
		{[]string{"--print", in("108空文件.txt")}, 0, ""},
	}
	if gen.ioError {
		cases = append(cases, struct {
			args []string
			code int
			says string
		}{[]string{"--print", in(genIOError)}, 2, "a file of the kernel"})
	}
	if gen.noPermBite {
		cases = append(cases, struct {
			args []string
			code int
			says string
		}{[]string{"--print", in(genNoPerm)}, 1, "permission denied"})
	}
	for _, c := range cases {
		out, errs, code := runWithin(t, 20*time.Second, c.args...)
		assertSafe(t, fmt.Sprint(c.args), errs)
		if c.args[0] != "--list" { // --list prints the names as on disk
			assertSafe(t, fmt.Sprint(c.args), out)
		}
		if code != c.code {
			t.Errorf("%q: exit %d, want %d (stderr %q)", c.args, code, c.code, errs)
		}
		if c.code == 0 {
			continue
		}
		if out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "newsbrowse: ") || !strings.Contains(errs, c.says) {
			t.Errorf("%q: stdout %q, stderr %q: want one line on stderr saying %q", c.args, out, errs, c.says)
		}
	}
}

// Names that reach the error messages are made safe too.
func TestErrorMessagesShowHostileNamesSafely(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--print", filepath.Join(dir, "\x1b]0;标题\x07\u009b31m\u202e不存在.txt")},
		{"--list", filepath.Join(dir, "\x1b]52;c;aGk=\x07不存在")},
		{"--grep", "\x1b[2J", filepath.Join(dir, "\u202e不存在\n")},
		{"--print", dir + "/\xff\x9b"},
	} {
		out, errs, code := runCLI(t, args...)
		assertSafe(t, fmt.Sprintf("%q", args), out+errs)
		if code != 2 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}
