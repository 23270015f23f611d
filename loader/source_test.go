package loader

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

func TestReferences(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"no reference", ""},
		{"&nbsp;", "\u00a0"},
		{"a&amp;b&lt;c", "&<"},
		{"&ldquo;冰灯&rdquo;", "\u201c\u201d"},
		{"&#12288;正文", "\u3000"},
		{"&#x41;&#X42", "AB"},
		{"&#0;&#128;", "\ufffd\u20ac"},
		{"&amp;&amp;", "&&"},
		{"&&amp;", "&&"},
		{"&amp;amp;", "&"},               // decoded once: the rest is text
		{"&am\x01p;", "&"},               // Clean drops the control first
		{"&l\u202et;", "<"},              // and bidi characters
		{"&amp\rx", "&"},                 // a CR is a line end
		{"&notit;", "\u00acit;"},         // longest name without ";"
		{"&amp\u2028;", "&"},             // a line separator ends it
		{"&unknown;", "&unknown;"},       // not a reference
		{"&#12288x", "\u3000x"},          // no ";"
		{"&#1234567890;", "\ufffd"},      // out of range
		{"<a href='?a=1&amp;b=2'>", "&"}, // in a tag: decoded all the same
	}
	for _, tc := range cases {
		if got := References(tc.in); got != tc.want {
			t.Errorf("References(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCommonRefs(t *testing.T) {
	for ref, want := range commonRefs {
		if got := html.UnescapeString(ref); got != want {
			t.Errorf("%s decodes to %q, the table says %q", ref, got, want)
		}
		if got, ok := commonRef(ref); !ok || got != want || len(ref) > maxCommonRef {
			t.Errorf("commonRef(%s) = %q, %v, want %q (longest key %d)", ref, got, ok, want, maxCommonRef)
		}
	}
}

// originPieces are fragments of raw article text around what cleaning does:
// markup of every kind, references (also cut, unknown or broken by a
// control), controls, line ends, banners, and text that folds.
var originPieces = []string{
	"<p>", "</p>", "<span>", "</span>", "<b>", "</b>", "<br/>", "<div class='x&amp;y'>", "</div>",
	"<!-- 注释&lt; -->", "<script>var a='&#65;新';</script>", "<style>.x{}</style>", "<title>&#x5B57;</title>",
	"<textarea>&lt;b&gt;</textarea>", "<xmp>&amp;<i>字</i></xmp>", "<img src=a>", "<h2>", "</h2>", "<plaintext>",
	"&nbsp;", "&amp;", "&lt;", "&gt;", "&ldquo;", "&rdquo;", "&mdash;", "&#12288;", "&#x41;", "&#0;", "&#128;",
	"&#x2028;", "&am\x01p;", "&lt\u202e;", "&notit;", "&", "&#", "&#x", ";", "#", "amp", "x",
	"\x00", "\x01", "\x1b", "\u0085", "\u202e", "\u2028", "\u3000", "\u00a0", "\r\n", "\r", "\n", "\n\n", " ", "\t",
	"新闻", "图片", "ABC", "abc", "ＳＱＬ", "ﬁ", "㍿", "\u2F00", "\ufffd", "\xff",
	"----------", "---这里有图片---", "-----\n--这里有图片--\n-----\n", "<", ">", "</", "<!", "<?x", "a<1", "</>",
}

// randomArticle joins up to n random pieces.
func randomArticle(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range rng.IntN(n + 1) {
		b.WriteString(originPieces[rng.IntN(len(originPieces))])
	}
	return b.String()
}

// checkOrigins checks that every character of the flat text of the
// article whose file holds raw is in one of the texts Origins returns.
func checkOrigins(t *testing.T, raw []byte, title string) {
	t.Helper()
	src, err := sourceBytes(Entry{Title: title}, raw)
	if err != nil {
		return
	}
	a, _ := src.Article()
	flat, _ := Flatten(a.Blocks)
	origins := src.Origins()
	if plain := src.PlainOrigins(); plain != [3]string(origins[:3]) {
		t.Fatalf("PlainOrigins %q, Origins %q", plain, origins)
	}
	for _, r := range flat {
		if !slices.ContainsFunc(origins[:], func(o string) bool { return strings.ContainsRune(o, r) }) {
			t.Fatalf("%q (title %q) cleans to %q, whose %U is in none of %q", raw, title, flat, r, origins)
		}
	}
}

func TestOriginsCoverCleanText(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		checkOrigins(t, []byte(randomArticle(rng, 24)), randomArticle(rng, 3))
	}
	for _, tc := range cleanCases {
		checkOrigins(t, []byte(tc.in), "标题")
	}
}

func FuzzOrigins(f *testing.F) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50 {
		f.Add([]byte(randomArticle(rng, 12)), randomArticle(rng, 2))
	}
	for _, tc := range cleanCases {
		f.Add([]byte(tc.in), "标题")
	}
	f.Fuzz(func(t *testing.T, raw []byte, title string) {
		checkOrigins(t, raw, title)
	})
}

// TestReaderReuse reads files of changing sizes and kinds through one
// Reader, so that each read reuses what the one before left, and compares
// with Load.
func TestReaderReuse(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("<p>　　县农业局组织技术人员讲解冬季修剪要点。</p>\n", 200)
	files := map[string]string{
		"1长.txt":   long,
		"2短.txt":   "<p>短文</p>",
		"3空.txt":   "",
		"4二进制.txt": "\x00\x01\x02",
		"5长.txt":   long + "<p>结尾</p>",
		"6国标.txt":  gb(t, "<p>国标编码的正文</p>"),
	}
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	names := []string{"1长.txt", "2短.txt", "3空.txt", "4二进制.txt", "5长.txt", "6国标.txt", "2短.txt", "缺失.txt", "1长.txt"}
	for _, root := range []struct {
		what string
		fsys fs.FS
	}{{"MapFS", fsys}, {"DirFS", DirFS(dir)}} {
		var rd Reader
		for _, name := range names {
			e := newEntry(name, name)
			got, gotErr := rd.Load(root.fsys, e)
			want, wantErr := Load(root.fsys, e)
			if !slices.Equal(got.Blocks, want.Blocks) || got.Entry != want.Entry || got.Encoding != want.Encoding ||
				got.Size != want.Size || !sameError(gotErr, wantErr) {
				t.Errorf("%s %s: Reader.Load = %+v, %v; Load = %+v, %v", root.what, name, got, gotErr, want, wantErr)
			}
			src, err := rd.ReadSource(root.fsys, e)
			if !sameError(err, wantErr) || (err == nil && src.Encoding != want.Encoding) {
				t.Errorf("%s %s: ReadSource = %+v, %v; want %v", root.what, name, src, err, wantErr)
			}
		}
	}
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Error() == b.Error() && errors.Is(a, ErrBinary) == errors.Is(b, ErrBinary)
}
