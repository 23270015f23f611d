package loader

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

var plainLineCases = []struct {
	in    string
	plain bool
}{
	{"", true},
	{"notes 2024.txt", true},
	{"306县农业局开展冬季果树修剪培训.txt", true},
	{"新闻/306甲.txt", true},
	{"“冰雪季”开幕……", true},      // U+201C, U+2026: three bytes after 0xE2
	{"西郊：5G智慧课堂（第3期）", true}, // full-width forms after 0xEF
	{"ＡＢＣ", true},
	{"\u1000\u1fff\ue000\uffff\ufffd", true},
	{"café", true},
	{"表情😀", true},
	{"a\tb", false},
	{"a\nb", false},
	{"a\x1b[2Jb", false},
	{"\x00", false},
	{"\x7f", false},
	{"C1\u0085", false},
	{"C1\u009b31m", false},
	{"\u061c", false},
	{"反\u202e向", false},
	{"\u200e", false},
	{"\u2066隔离\u2069", false},
	{"行\u2028分", false},
	{"\u2029", false},
	{"\xff", false},
	{"7\x81.txt", false},
	{"截\xe4\xb8", false},        // cut in the middle of 中
	{"\xe4\xb8a", false},        // continuation byte missing
	{"\xe3\x80", false},         // cut after an 0xE3 lead byte
	{"\xed\xa0\x80", false},     // surrogate
	{"\xe0\x80\x80", false},     // overlong
	{"\xc2\xd2\xc2\xeb", false}, // GB18030 乱码
}

func TestPlainLine(t *testing.T) {
	for _, tc := range plainLineCases {
		if got := plainLine(tc.in); got != tc.plain {
			t.Errorf("plainLine(%q) = %v, want %v", tc.in, got, tc.plain)
		}
		if same := utf8.ValidString(tc.in) && SanitizeLine(tc.in) == tc.in; same != tc.plain {
			t.Errorf("case %q: SanitizeLine keeps it: %v, table says %v", tc.in, same, tc.plain)
		}
	}
}

func FuzzPlainLine(f *testing.F) {
	for _, tc := range plainLineCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := utf8.ValidString(s) && SanitizeLine(s) == s
		if got := plainLine(s); got != want {
			t.Fatalf("plainLine(%q) = %v, want %v", s, got, want)
		}
		if got := DisplayPath(s); want && got != s {
			t.Fatalf("DisplayPath(%q) = %q, want it unchanged", s, got)
		}
	})
}

func TestSplitName(t *testing.T) {
	for _, tc := range parseNameCases {
		prefix, rest := splitName(tc.base)
		if prefix != tc.prefix || SanitizeLine(rest) != tc.title {
			t.Errorf("splitName(%q) = %q, %q; want %q and a title sanitized to %q", tc.base, prefix, rest, tc.prefix, tc.title)
		}
	}
}

func TestNewEntry(t *testing.T) {
	cases := []struct {
		rel, base string
		want      Entry
	}{
		{"sub/306_甲.txt", "306_甲.txt", Entry{"306", "甲", "sub/306_甲.txt"}},
		{"9带\t制表.txt", "9带\t制表.txt", Entry{"9", "带 制表", "9带\t制表.txt"}},
		{"x", gb(t, "0042_县农业局.TXT"), Entry{"0042", "县农业局", "x"}},
		{"x", "7\xff.txt", Entry{"7", "\ufffd", "x"}},
	}
	for _, tc := range cases {
		if got := newEntry(tc.rel, tc.base); got != tc.want {
			t.Errorf("newEntry(%q, %q) = %q, want %q", tc.rel, tc.base, got, tc.want)
		}
	}
}

func TestMakeSortKey(t *testing.T) {
	cases := []struct {
		prefix string
		kind   uint8
		num    uint64
	}{
		{"", noNumber, 0},
		{"0", numberFits, 0},
		{"000", numberFits, 0},
		{"0042", numberFits, 42},
		{"306", numberFits, 306},
		{"9999999999999999999", numberFits, 9999999999999999999},
		{"0009999999999999999999", numberFits, 9999999999999999999},
		{"10000000000000000000", numberLong, 0},
		{"18446744073709551615", numberLong, 0}, // fits, but has 20 digits
	}
	for _, tc := range cases {
		k := makeSortKey(tc.prefix, 7)
		if k.kind != tc.kind || k.num != tc.num || k.index != 7 {
			t.Errorf("makeSortKey(%q) = %+v, want kind %d num %d index 7", tc.prefix, k, tc.kind, tc.num)
		}
	}
}

func TestPermute(t *testing.T) {
	cases := [][]int32{
		{0},
		{0, 1, 2},
		{2, 1, 0},
		{1, 2, 0},
		{2, 0, 1},
		{1, 0, 3, 2},
		{3, 0, 4, 1, 2},
	}
	for _, order := range cases {
		entries := make([]Entry, len(order))
		keys := make([]sortKey, len(order))
		for i, from := range order {
			entries[i] = Entry{RelPath: strconv.Itoa(i)}
			keys[i].index = from
		}
		permute(entries, keys)
		for i, from := range order {
			if want := strconv.Itoa(int(from)); entries[i].RelPath != want {
				t.Errorf("permute %v: position %d holds %q, want %q", order, i, entries[i].RelPath, want)
			}
		}
	}
}

// sortedByCompare is SortEntries as a plain sort with compareEntries.
func sortedByCompare(in []Entry) []Entry {
	out := slices.Clone(in)
	slices.SortFunc(out, compareEntries)
	return out
}

func TestSortEntriesPrefixes(t *testing.T) {
	in := []Entry{
		{"", "乙", "a"},
		{"18446744073709551615", "", "max"},
		{"10000000000000000000", "", "twenty digits"},
		{"9999999999999999999", "", "nineteen nines"},
		{"0009999999999999999999", "", "nineteen nines, zeros"},
		{"100000000000000000000", "", "twenty-one digits"},
		{"0", "", "zero"},
		{"", "甲", "b"},
		{"00", "", "zero, zeros"},
		{"7", "B", "seven B"},
		{"007", "A", "seven A"},
		{"7", "A", "seven A"},
		{"65536", "", "65536"},
		{"256", "", "256"},
		{"1", "", "one"},
	}
	want := []string{
		"zero", "zero, zeros", "one", "seven A", "seven A", "seven B", "256", "65536",
		"nineteen nines", "nineteen nines, zeros", "twenty digits", "max",
		"twenty-one digits", "a", "b",
	}
	ref := sortedByCompare(in)
	got := slices.Clone(in)
	SortEntries(got)
	if !slices.Equal(got, ref) {
		t.Errorf("SortEntries\n got %q\nwant %q", got, ref)
	}
	if !slices.Equal(relPaths(got), want) || got[3].Prefix != "007" || got[4].Prefix != "7" {
		t.Errorf("SortEntries order %q", got)
	}
}

// FuzzSortEntries checks SortEntries against a sort with compareEntries on
// entries made from "|"-separated names.
func FuzzSortEntries(f *testing.F) {
	f.Add("9九|10十|0002二|2二|无编号|100000000000000000000大|007甲|7甲")
	f.Add("18446744073709551615|10000000000000000000|9999999999999999999|0009999999999999999999|0|00|")
	f.Add("5A|5A|5B|05A")
	f.Add("256|1|65536|2|16777216")
	f.Fuzz(func(t *testing.T, s string) {
		var in []Entry
		for i, name := range strings.Split(s, "|") {
			prefix, title := ParseName(name)
			in = append(in, Entry{Prefix: prefix, Title: title, RelPath: strconv.Itoa(i % 3)})
		}
		got := slices.Clone(in)
		SortEntries(got)
		if want := sortedByCompare(in); !slices.Equal(got, want) {
			t.Fatalf("SortEntries\n got %q\nwant %q", got, want)
		}
	})
}

// openOnly hides the ReadDir method of a MapFS: folders are read through
// the files Open returns.
type openOnly struct{ fsys fstest.MapFS }

func (o openOnly) Open(name string) (fs.File, error) { return o.fsys.Open(name) }

func TestScanBatches(t *testing.T) {
	want, err := Scan(collection)
	if err != nil {
		t.Fatal(err)
	}
	for _, batch := range []int{1, 2, 3, 100} {
		got, err := scan(openOnly{collection}, batch, nil)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("batch %d: %q, %v\nwant %q", batch, got, err, want)
		}
	}
	dir := t.TempDir()
	for _, name := range []string{"1甲.txt", "sub/2乙.txt", "sub/deeper/3丙.txt", "4丁.txt", ".git/5.txt", "6.md"} {
		writeFile(t, dir+"/"+name, "x")
	}
	ref, err := Scan(DirFS(dir))
	if err != nil || len(ref) != 4 {
		t.Fatalf("Scan = %q, %v", ref, err)
	}
	for _, batch := range []int{1, 2} {
		if got, err := scan(DirFS(dir), batch, nil); err != nil || !slices.Equal(got, ref) {
			t.Errorf("DirFS batch %d: %q, %v, want %q", batch, got, err, ref)
		}
	}
}

// brokenDir is a folder whose listing fails after its first batch.
type brokenDir struct {
	fs.File
	calls int
	err   error
}

func (d *brokenDir) ReadDir(n int) ([]fs.DirEntry, error) {
	d.calls++
	if d.calls == 1 {
		info := fstest.MapFS{"9乙.txt": file("x"), "inner": &fstest.MapFile{Mode: fs.ModeDir}}
		return fs.ReadDir(info, ".")
	}
	return nil, d.err
}

// brokenFS serves a folder "broken" whose listing fails half-way, or, with
// err nil, never ends (no entries, no io.EOF). It has no ReadDir method,
// so Scan reads folders through Open.
type brokenFS struct {
	files fstest.MapFS
	err   error
}

func (b brokenFS) Open(name string) (fs.File, error) {
	f, err := b.files.Open(name)
	if name == "broken" && err == nil {
		return &brokenDir{File: f, err: b.err}, nil
	}
	return f, err
}

func TestScanFolderFailsHalfWay(t *testing.T) {
	files := fstest.MapFS{
		"1甲.txt":             file("x"),
		"broken/8丙.txt":      file("x"),
		"broken/inner/x.txt": file("x"),
		"zz/3丁.txt":          file("x"),
	}
	if got, err := scan(openOnly{files}, 1, nil); err != nil || len(got) != 4 {
		t.Fatalf("scan without failure: %q, %v", got, err)
	}
	want := []string{"1甲.txt", "zz/3丁.txt"}
	for _, err := range []error{errLocked, nil} {
		got, scanErr := scan(brokenFS{files, err}, 1, nil)
		if scanErr != nil || !slices.Equal(relPaths(got), want) {
			t.Errorf("err %v: got %q, %v; want %q", err, relPaths(got), scanErr, want)
		}
	}
}

// notDirFile is a file system whose folders cannot be listed.
type notDirFile struct{}

type plainFile struct{ fs.File }

func (notDirFile) Open(name string) (fs.File, error) {
	f, err := fstest.MapFS{"a.txt": file("x")}.Open(name)
	return plainFile{f}, err
}

func TestScanRootNotListable(t *testing.T) {
	_, err := Scan(notDirFile{})
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "readdir" || errors.Is(err, io.EOF) {
		t.Errorf("Scan of a root that cannot be listed: err = %v", err)
	}
	dir := t.TempDir()
	writeFile(t, dir+"/1甲.txt", "x")
	if got, err := Scan(DirFS(dir + "/1甲.txt")); err == nil {
		t.Errorf("Scan of a file as root = %q, no error", got)
	}
}

func TestEntryList(t *testing.T) {
	var l entryList
	add := func(from, to int) {
		for i := from; i < to; i++ {
			l.add(Entry{Prefix: strconv.Itoa(i), RelPath: strconv.Itoa(i)})
		}
	}
	check := func(step string, n int) {
		t.Helper()
		if l.n != n || len(l.blocks) != (n+blockLen-1)/blockLen {
			t.Fatalf("%s: %d entries in %d blocks, want %d", step, l.n, len(l.blocks), n)
		}
		for i := range n {
			if e := l.at(i); e.RelPath != strconv.Itoa(i) {
				t.Fatalf("%s: entry %d is %q", step, i, e.RelPath)
			}
		}
	}
	add(0, 2*blockLen+500)
	check("added", 2*blockLen+500)
	l.truncate(blockLen + 10)
	check("truncated in a block", blockLen+10)
	add(blockLen+10, blockLen+20)
	check("added again", blockLen+20)
	l.truncate(blockLen)
	check("truncated at a block's end", blockLen)
	add(blockLen, 3*blockLen)
	check("added past the end", 3*blockLen)
	sorted := l.sorted()
	for i, e := range sorted {
		if e.RelPath != strconv.Itoa(i) {
			t.Fatalf("sorted: position %d holds %q", i, e.RelPath)
		}
	}
	l.truncate(0)
	check("emptied", 0)
	if got := l.sorted(); got != nil {
		t.Errorf("sorted of no entries = %q, want nil", got)
	}
}

// radixSort orders keys by num whatever digits they differ in, keeping
// the order of equal ones.
func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name string
		num  func() uint64
	}{
		{"small", func() uint64 { return rng.Uint64N(3000) }},
		{"low bits", func() uint64 { return rng.Uint64N(4) }},
		{"collection", func() uint64 { return rng.Uint64N(200000) }},
		{"wide", func() uint64 { return rng.Uint64() >> rng.UintN(64) }},
		{"high bits", func() uint64 { return rng.Uint64() &^ (1<<40 - 1) }},
	} {
		for _, n := range []int{2, 3, 100, 5000} {
			keys := make([]sortKey, n)
			for i := range keys {
				keys[i] = sortKey{num: tc.num(), index: int32(i)}
			}
			want := slices.Clone(keys)
			slices.SortStableFunc(want, func(a, b sortKey) int { return cmp.Compare(a.num, b.num) })
			radixSort(keys)
			if !slices.Equal(keys, want) {
				t.Errorf("%s, %d keys: not sorted by num, equal ones in order", tc.name, n)
			}
		}
	}
}
