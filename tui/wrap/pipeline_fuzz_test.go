package wrap

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"newsbrowse/loader"

	"newsbrowse/loader/termcheck"
)

// terminalHazard describes the first thing in one line of text a terminal
// could act on ("" when none): no control character at all is allowed.
func terminalHazard(s string) string { return termcheck.Hazard(s, "") }

// pipelineSeeds are file contents that try every way to smuggle a control
// character through decoding and cleaning.
var pipelineSeeds = []string{
	"",
	"1标题.txt\n<div>　　正文\x1b]52;c;aGk=\x07第一段。</div>",
	"<p>&#27;[2J&#x1b;]0;标题&#7;&#x9b;31m&#155;&#x9d;&#x85;&#127;&#0;&#13;</p>",
	"<p>&amp;#27;[2J &amp;#x9b;31m &amp;amp;#27;</p>",
	"<p>\u202e反转\u202c\u2066隔离\u2069\u200e\u200f\u061c\u2028\u2029</p>",
	"<p>&#x202e;&#8238;&#x2066;&#8297;&#x2028;&rlm;&lrm;&NewLine;&Tab;</p>",
	"<h1>\x1b[5m标题</h1><script>\x1b]52;c;aGk=\x07</script><!-- \x1b]0;x\x07 --><img alt=\"\x1b[2J\">",
	"<textarea>\x1b[31m文字\u009b</textarea><xmp>\x1b]8;;http://x\x1b\\链接</xmp><plaintext>\x1bP1$q\x1b\\",
	"正常\r伪造\r\n第二行\x0b\x0c\x08\x7f",
	"\xef\xbb\xbf\x1b]0;带BOM\x07",
	"\xff\xfe\x1b\x00]\x000\x00;\x00\x9b\x00\x00\x2e\x20",
	"\xfe\xff\x00\x1b\x00]\x00\x9b\x20\x2e\xd8\x00",
	"\xd6\xd0\xce\xc4\x1b]0;\x07\x81\x30\x81\x37\xff\xc0\xaf",
	"\xe4\xb8\xad\xe6\x96\x87\x80\x9b31m\xe4\xb8",
	"---------\n--------这里有图片----- \n---------\n\x1b[2J",
	strings.Repeat("很长的一行没有空格", 200) + "\x1b[31m",
	"\x00\x01\x02binary",
}

// hostileFixtures returns the contents of the committed hostile collection.
func hostileFixtures(f *testing.F) map[string][]byte {
	files := map[string][]byte{}
	root := filepath.Join("..", "..", "testdata", "hostile")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[filepath.Base(p)] = b
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	return files
}

// FuzzPipeline runs a file's bytes through everything between the disk and
// a screen row: LoadBytes (binary check, Decode, Clean, the title from the
// name), Wrap at the fuzzed width, and for the source view Visible and
// Breaks line by line. Nothing a terminal could act on may come out, and no
// row may be wider than the screen, but a single grapheme cluster wider
// than the screen: a wide character on a one-column screen, or a cluster
// cond measures three columns wide (U+3230 U+09BE) on a two-column one.
func FuzzPipeline(f *testing.F) {
	for name, b := range hostileFixtures(f) {
		for _, w := range []int{1, 2, 3, 9, 40} {
			f.Add(name, b, w, w%2 == 0)
		}
	}
	for i, s := range pipelineSeeds {
		f.Add(fmt.Sprintf("%d\x1b]0;标题\x07\u009b\u202e.txt", i), []byte(s), i%12, i%2 == 1)
	}
	f.Fuzz(func(t *testing.T, name string, content []byte, width int, ea bool) {
		if len(content) > 1<<12 || len(name) > 1<<9 {
			return
		}
		cond := narrow
		if ea {
			cond = wide
		}
		width %= 120 // may stay negative: counts as 1
		w := max(1, width)
		a, err := loader.LoadBytes(name, content)
		if err != nil && !errors.Is(err, loader.ErrBinary) {
			t.Fatalf("LoadBytes: %v", err)
		}
		for i, b := range a.Blocks {
			if h := terminalHazard(b.Text); h != "" {
				t.Fatalf("block %d: %s", i, h)
			}
		}
		lines := Wrap(a.Blocks, width, cond)
		checkWrap(t, a.Blocks, width, cond, lines)
		for i, l := range lines {
			if h := terminalHazard(l.Text); h != "" {
				t.Fatalf("line %d: %s", i, h)
			}
			if lw := Width(l.Text, cond); lw > w && uniseg.GraphemeClusterCount(l.Text) > 1 {
				t.Fatalf("line %d %q is %d wide, more than %d", i, l.Text, lw, w)
			}
		}
		if title := Fit(loader.DisplayPath(name), w, cond); terminalHazard(title) != "" || Width(title, cond) != w {
			t.Fatalf("title %q (%s) is %d wide, want %d", title, terminalHazard(title), Width(title, cond), w)
		}
		if err != nil {
			return // binary: no source view
		}
		text, _ := loader.Decode(content)
		for n, line := range strings.Split(loader.Visible(text), "\n") {
			if h := terminalHazard(line); h != "" {
				t.Fatalf("source line %d: %s", n, h)
			}
			ranges := Breaks(line, width, cond)
			checkParagraph(t, line, width, cond, ranges)
			for _, r := range ranges {
				if lw := Width(line[r[0]:r[1]], cond); lw > w && uniseg.GraphemeClusterCount(line[r[0]:r[1]]) > 1 {
					t.Fatalf("source line %d: %q is %d wide, more than %d", n, line[r[0]:r[1]], lw, w)
				}
			}
		}
	})
}
