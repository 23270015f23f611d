package loader

import (
	"reflect"
	"strings"
	"testing"
)

// markBanners passes over the lines that cannot start a banner by their
// first byte and tells the usual middle line without a copy: it must cut
// every text into the pieces the plain loop below, which looks at every
// line, cuts it into.

// markBanners is appendBanners to nothing.
func markBanners(s string) []string {
	return appendBanners(nil, s)
}

// markBannersPlain is markBanners looking at every line.
func markBannersPlain(s string) []string {
	var out []string
	keep := 0
	add := func(end int) {
		if end > keep {
			out = append(out, s[keep:end])
		}
	}
	first := true
	for pos := 0; pos < len(s); {
		line, next := lineAt(s, pos)
		if first {
			first = false
			if t := strings.TrimSpace(line); hasTxt(t) && !strings.Contains(line, "<") {
				pos, keep = next, next
				continue
			}
		}
		if n := bannerAtPlain(s, pos); n > 0 {
			add(pos)
			out = append(out, markLine)
			pos, keep = n, n
			continue
		}
		if dashes(line) >= 10 {
			add(pos)
			keep = pos + len(line)
		}
		pos = next
	}
	add(len(s))
	return out
}

// bannerAtPlain is bannerAt with bannerMiddleSearch.
func bannerAtPlain(s string, pos int) int {
	line, next := lineAt(s, pos)
	if dashes(line) > 0 && next < len(s) {
		mid, after := lineAt(s, next)
		if bannerMiddleSearch(mid) && after < len(s) {
			if last, end := lineAt(s, after); dashes(last) > 0 {
				return end
			}
		}
	}
	if bannerMiddleSearch(line) && strings.Count(line, "-") >= 3 {
		return next
	}
	return 0
}

var bannerSeeds = []string{
	"", "\n", "x", "1a.txt", "1a.txt\n", "1a.txt\nb", "<p>1a.txt\n---这里有图片---\n",
	nameLine + banner + body(s1, s2),
	"1标题.txt\n" + strings.Repeat("-", 40) + " \n" + strings.Repeat("-", 19) + "这里有图片" + strings.Repeat("-", 12) + " \n" + strings.Repeat("-", 40) + " \n<div>正文</div>",
	"a\n----------\nb\n---------\nc\n-----------", "a\n \u3000----------\u00a0\nb",
	"a\n这里有图片\n-这里有图片-\n---这里有图片\n--\n这里有图片\n--\n",
	"a\n\u2003-\n\u3000这里有图片\u3000\n\u00a0-\n", "a\n\u1680-\n\u0085这里有图片-\n\u205f-", "a\n\v-\n\f这里有图片---\n\r-",
	"\u3000-\n这里有图片\n-\n", "-\n这里有图片\n-", "x\n-\n这里有图片\n", "x\n-\n这里有图片\n-",
	"x\n这里有图片---\n", "x\n-- 这里有图片 - 这里有图片 --\n", "x\n-\v这里有图片-\n", "x\n\xe3-\n\xe8这里有图片\n\xc2-\n",
	"x\n---这里有图片\xe3\n\x80\x80---这里有图片\n", "x\n--\xe3这里有图片\x80\x80--\n",
	"--\n-这里有图片-\n--", "--\n-这里有图片-\n--\n", "--  \n  这里有图片  \n--  x\n", "--\n这里有图片\n", "--\n这里有图片",
	"--", "--\n", "--\n-这里有图片-\n", "--\n-这里有图片-\n\n--", "-- \t\n-这里有图片-\n--", " --\n-这里有图片-\n--",
	"--\n-这里有图片-这里有图片\n--", "--\n-这里有图片 x\n--", "--\n\n-这里有图片-\n--", "--\n-这里有图片-\n- -\n",
}

func checkBanners(t *testing.T, s string) {
	t.Helper()
	if got, want := markBanners(s), markBannersPlain(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\n got %q\nwant %q", s, got, want)
	}
	// the banner as the crawler writes it is one bannerAt finds
	for pos := 0; pos < len(s); pos++ {
		if pos > 0 && s[pos-1] != '\n' {
			continue
		}
		if got := crawlerBannerAt(s, pos); got > 0 && got != bannerAtPlain(s, pos) {
			t.Fatalf("%q at %d: crawlerBannerAt = %d, bannerAt = %d", s, pos, got, bannerAtPlain(s, pos))
		}
	}
}

func TestMarkBannersAsPlain(t *testing.T) {
	for _, s := range bannerSeeds {
		checkBanners(t, s)
		// the same after a name line, and with every line first
		checkBanners(t, "1名.txt\n"+s)
		lines := strings.Split(s, "\n")
		for i := range lines {
			checkBanners(t, strings.Join(lines[i:], "\n"))
		}
	}
	for _, tc := range cleanCases {
		checkBanners(t, tc.in)
	}
	// lines of every length around the eight dashes read at once
	for n := 1; n <= 20; n++ {
		d := strings.Repeat("-", n)
		checkBanners(t, "a\n"+d+"\n"+d+"这里有图片"+d+" \n"+d)
		checkBanners(t, "a\n"+d+"x\n"+d+"这里有图片\n"+d+"-x")
		checkBanners(t, "a\n"+d+"\n这里有图片\n"+d+" ")
		checkBanners(t, "a\n"+d+"\n"+d+" - "+d+"这里有图片 "+d+"- \n"+d)
	}
	for _, s := range scanTagSamples(t) {
		checkBanners(t, s)
	}
}

func FuzzMarkBanners(f *testing.F) {
	for _, s := range bannerSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkBanners(t, s)
	})
}
