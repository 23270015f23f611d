package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"newsbrowse/loader/termcheck"
)

const coll = "testdata/collection"

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestListOrderAndFormat(t *testing.T) {
	out, _, code := runCLI(t, "--list", coll)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := []string{
		"0\t空白文章\t0空白文章.txt",
		"5\t科技馆新展厅对公众开放\t2024年度报告/5科技馆新展厅对公众开放.txt",
		"7\t高铁新线开通，沿线旅游升温\t7 高铁新线开通，沿线旅游升温.txt",
		"000042\t夜市经济带动城市消费\t000042_夜市经济带动城市消费.txt",
		"66\t水库除险加固工程完工\t" + gb18030("66水库除险加固工程完工.txt"),
		"88\t春季植树活动在郊野公园举行\t88春季植树活动在郊野公园举行.txt",
		"131\t老旧小区加装电梯进展顺利\t131老旧小区加装电梯进展顺利.txt",
		"306\t长春冰灯艺术节开幕，夜游线路受欢迎\t306长春冰灯艺术节开幕，夜游线路受欢迎.txt",
		"500\t城市更新中的老街故事\t500城市更新中的老街故事.txt",
		"1024\t社区食堂：老人吃饭更方便\t1024-社区食堂：老人吃饭更方便.txt",
		"2048\t城区老桥完成加固改造\trenamed-article.txt", // the name on its first line
		"\t关于本合集的说明\t关于本合集的说明.txt",
	}
	if got := strings.Split(strings.TrimRight(out, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// gb18030 is s as a Windows machine in China writes it.
func gb18030(s string) string {
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

// The path column opens: every row of --list and --grep, with newlines or
// NULs, names a file that cat and --print open, GB18030 names included.
func TestPathColumnOpens(t *testing.T) {
	files := 0
	filepath.WalkDir(coll, func(_ string, d fs.DirEntry, _ error) error {
		if !d.IsDir() {
			files++
		}
		return nil
	})
	for _, args := range [][]string{{"--list"}, {"--list", "-0"}, {"--list", "--null"}, {"--grep", "的"}, {"--grep", "的", "-0"}} {
		out, errs, code := runCLI(t, append(args, coll)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		end, col := "\n", 2
		if slices.Contains(args, "-0") || slices.Contains(args, "--null") {
			end = "\x00"
			if strings.Contains(out, "\n") {
				t.Errorf("%v: a row ends in a newline: %q", args, out)
			}
		}
		if args[0] == "--grep" {
			col = 0
		}
		rows := strings.Split(strings.TrimSuffix(out, end), end)
		if args[0] == "--list" && len(rows) != files {
			t.Errorf("%v: %d rows for %d files", args, len(rows), files)
		}
		for _, r := range rows {
			p := strings.Split(r, "\t")[col]
			if _, err := os.ReadFile(filepath.Join(coll, p)); err != nil {
				t.Errorf("%v: %q does not open: %v", args, p, err)
			}
			if _, errs, code := runCLI(t, "--print", filepath.Join(coll, p)); code != 0 {
				t.Errorf("--print %q: exit %d: %s", p, code, errs)
			}
		}
	}
}

func TestPrint(t *testing.T) {
	out, _, code := runCLI(t, "--print", filepath.Join(coll, "000042_夜市经济带动城市消费.txt"), "--width", "40")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	want := "夜市经济带动城市消费\n\n" +
		"　　入夏以来，城东夜市每晚接待游客超过 2\n万人次——比去年同期多出三成。\n\n" +
		"　　摊主李女士说：“晚上八点以后是客流高\n峰”，她的小吃摊一晚能卖出400份。\n\n" +
		"　　详情可访问夜市官网、或拨打热线&咨\n询。\n"
	if out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
}

func TestPrintEncodings(t *testing.T) {
	for name, want := range map[string]string{
		"88春季植树活动在郊野公园举行.txt":   "　　3月12日，近千名志愿者来到郊野公园",
		"131老旧小区加装电梯进展顺利.txt":   "　　今年全市计划为老旧小区加装电梯500部",
		"7 高铁新线开通，沿线旅游升温.txt":   "　　新线全长286公里",
		"关于本合集的说明.txt":          "　　每篇文章的文件名以编号开头，编号决定列表中的顺序。",
		"1024-社区食堂：老人吃饭更方便.txt": "[图片]",
	} {
		out, _, code := runCLI(t, "--print", filepath.Join(coll, name), "--width", "200")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, output lacks %q:\n%s", name, code, want, out)
		}
		if strings.ContainsAny(out, "<>\r\ufeff") || strings.Contains(out, "&nbsp;") || strings.Contains(out, "---") {
			t.Errorf("%s: markup left:\n%s", name, out)
		}
	}
}

func TestGrep(t *testing.T) {
	out, _, code := runCLI(t, "--grep", "市民", coll)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "88春季植树活动在郊野公园举行.txt\t1\t") ||
		!strings.HasPrefix(lines[1], "306长春冰灯艺术节开幕，夜游线路受欢迎.txt\t2\t") {
		t.Fatalf("got:\n%s", out)
	}
	// four articles have an image, none has 图片 in its text
	if out, _, code := runCLI(t, "--grep", "图片", coll); code != 1 || out != "" {
		t.Errorf("--grep 图片 matched the image placeholder: exit %d, %q", code, out)
	}
	if _, _, code := runCLI(t, "--grep", "不存在的词语", coll); code != 1 {
		t.Errorf("no match: exit %d, want 1", code)
	}
	// the GB18030 file and a full-width query
	if out, _, _ := runCLI(t, "--grep", "ＲＥＡＤＭＥ", coll); !strings.Contains(out, "500城市更新中的老街故事.txt\t4\t") {
		t.Errorf("NFKC query: %q", out)
	}
	if out, _, _ := runCLI(t, "--grep", "除险加固", coll); !strings.Contains(out, gb18030("66水库除险加固工程完工.txt")+"\t2\t") {
		t.Errorf("GB18030 file: %q", out)
	}
}

func TestUsageErrors(t *testing.T) {
	article := filepath.Join(coll, "306长春冰灯艺术节开幕，夜游线路受欢迎.txt")
	cases := [][]string{
		{"--nope"},
		{"--list"},
		{"--list", "does/not/exist"},
		{"--print", coll},
		{"--print", "missing.txt"},
		{"--ambiguous", "medium", coll},
		{"--list", "--print", coll},
		{"--marked", coll},
		{"a", "b"},
		{"--grep", "", coll},
		{"--grep", "\n", coll},
		{"--grep", "  ", coll},
		{"--grep", "\t", coll},
		{"--print", article, "--width", "0"},
		{"--print", article, "--width", "-5"},
		{"--print", article, "--width", "100000"},
		{"--measure", "0", coll},
		{"--measure", "-1", coll},
		{"--measure", "99999", coll},
		{"-0", coll},
		{"--print", "--null", article},
	}
	for _, args := range cases {
		out, errs, code := runCLI(t, args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	if out, _, code := runCLI(t, "-h"); code != 0 || !strings.Contains(out, "usage:") {
		t.Errorf("-h: exit %d, %q", code, out)
	}
}

// A usage error quotes the argument as typed, made safe: no OSC, CSI or
// 8-bit C1 reaches stderr.
func TestUsageErrorsShowArgumentsSafely(t *testing.T) {
	for _, arg := range []string{"--\x1b]0;PWNED\a\x1b[2J.txt", "-\x9b31m.txt", "-\u009b31m", "--width=\x1b[2J", "--\u202e.txt"} {
		out, errs, code := runCLI(t, arg)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", arg, code, out, errs)
		}
		if h := termcheck.Hazard(errs, "\n"); h != "" {
			t.Errorf("%q: stderr %s", arg, h)
		}
	}
}

// A file named like a flag is read after "--".
func TestDoubleDashEndsFlags(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(coll, "000042_夜市经济带动城市消费.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "-42夜市.txt"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if out, errs, code := runCLI(t, "--print", "--", "-42夜市.txt"); code != 0 || !strings.Contains(out, "城东夜市") {
		t.Errorf("exit %d, %q, %q", code, out, errs)
	}
}

// --help names every flag with its default, the environment, the keys and
// the exit statuses.
func TestHelpListsEverything(t *testing.T) {
	out, _, code := runCLI(t, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var opt options
	newFlagSet(&opt).VisitAll(func(f *flag.Flag) {
		name := "--" + f.Name
		if len(f.Name) == 1 {
			name = "-" + f.Name
		}
		if !strings.Contains(out, " "+name) {
			t.Errorf("--help does not describe %s", name)
		}
	})
	for _, want := range []string{
		"NO_COLOR", "RUNEWIDTH_EASTASIAN", "PAGER", "EDITOR", "XDG_STATE_HOME",
		"(default 80)", "auto (the default)", "(default: the terminal's width, else 80)",
		"Exit status:", "  0 ", "  1 ", "  2 ", "  130 ", "ctrl+c", "Enter", "F ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

func TestPrintBinaryExitsOne(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "9二进制.txt")
	if err := os.WriteFile(p, []byte("\x00\x01\x02PK\x03\x04\x00\x00binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "--print", p)
	if code != 1 || out != "" || !strings.Contains(errs, "binary") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestAmbiguousWidthFlag(t *testing.T) {
	// “ and ” count two columns when wide: the line breaks earlier
	file := filepath.Join(coll, "306长春冰灯艺术节开幕，夜游线路受欢迎.txt")
	narrow, _, _ := runCLI(t, "--print", file, "--width", "30", "--ambiguous", "narrow")
	wide, _, _ := runCLI(t, "--print", file, "--width", "30", "--ambiguous", "wide")
	if narrow == wide {
		t.Fatal("--ambiguous wide changed nothing")
	}
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	again, _, _ := runCLI(t, "--print", file, "--width", "30")
	if again != narrow {
		t.Fatal("a Chinese locale changed the width measure")
	}
	t.Setenv("RUNEWIDTH_EASTASIAN", "1")
	if env, _, _ := runCLI(t, "--print", file, "--width", "30"); env != wide {
		t.Fatal("RUNEWIDTH_EASTASIAN=1 did not select wide")
	}
}

// A renamed article takes its number and title from its first line, in
// --list and --print as in the library and the reader.
func TestRenamedArticleTitleFromFirstLine(t *testing.T) {
	out, _, code := runCLI(t, "--print", filepath.Join(coll, "renamed-article.txt"), "--width", "60")
	if code != 0 || !strings.HasPrefix(out, "城区老桥完成加固改造\n") {
		t.Errorf("--print: exit %d\n%s", code, out)
	}
	if out, _, _ := runCLI(t, "--list", coll); !strings.Contains(out, "\n2048\t城区老桥完成加固改造\trenamed-article.txt\n") {
		t.Errorf("--list:\n%s", out)
	}
}
