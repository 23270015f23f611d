package match

import (
	"reflect"
	"strings"
	"testing"
)

// findCasesRare are needles and texts for finder, which must find what
// strings.Index finds: matches at the start and the end of the text, the
// rare byte at the first and the last offset of the needle, false starts
// sharing every byte but one, overlapping occurrences, texts shorter than
// the needle and invalid bytes.
var findCasesRare = []struct{ needle, text string }{
	{"服务", "提供服务"},
	{"服务", "服务"},
	{"服务", "服务于民，服务社会，服務"},
	{"服务", "服服务务"},
	{"服务", "服"},
	{"服务", ""},
	{"服务", "朋务服劳服务"},
	{"务", "任务、义务"},
	{"务", "\xe5\x8a"},
	{"基准词", "基准基准词基准词"},
	{"的", "的的的"},
	{"5G", "5G智慧课堂，5g，５Ｇ"},
	{"5G智慧", "西郊：5G智慧课堂"},
	{"aa", "aaaaa"},
	{"a", "bab"},
	{"\xbc\x8c", "，，"},
	{"，", "甲，乙，"},
	{"　服", "　　服务"},
	{"服务", "\xff服\x8d务服务\xff"},
}

func TestFinderSameAsIndex(t *testing.T) {
	for _, tc := range findCasesRare {
		f := newFinder(tc.needle)
		if got, want := f.index(tc.text), strings.Index(tc.text, tc.needle); got != want {
			t.Errorf("index(%q in %q) = %d, strings.Index %d", tc.needle, tc.text, got, want)
		}
		if got, want := finderAll(f, tc.text), plainAll(tc.text, tc.needle); !reflect.DeepEqual(got, want) {
			t.Errorf("indexAll(%q in %q) = %v, indexAll %v", tc.needle, tc.text, got, want)
		}
	}
}

// TestFinderRareByte checks that the byte searched for first is a
// continuation byte other than 0x80 and 0xBC when the needle has one.
func TestFinderRareByte(t *testing.T) {
	for _, tc := range []struct {
		needle string
		rare   int
	}{
		{"服务", 1},  // E6 9C 8D E5 8A A1: 0x9C
		{"　服", 4},  // E3 80 80 E6 9C 8D: 0x9C, not 0x80
		{"，的", 2},  // EF BC 8C E7 9A 84: 0x8C, not 0xBC
		{"5G", 0},  // ASCII: the first byte
		{"5G智", 3}, // E6 99 BA: 0x99
		{"", 0},
	} {
		if got := newFinder(tc.needle).rare; got != tc.rare {
			t.Errorf("newFinder(%q).rare = %d, want %d", tc.needle, got, tc.rare)
		}
	}
}

func finderAll(f finder, text string) [][2]int {
	var out [][2]int
	f.indexAll(text, func(s, e int) bool { out = append(out, [2]int{s, e}); return true })
	return out
}

func plainAll(text, needle string) [][2]int {
	var out [][2]int
	indexAll(text, needle, func(s, e int) bool { out = append(out, [2]int{s, e}); return true })
	return out
}

func FuzzFinder(f *testing.F) {
	for _, tc := range findCasesRare {
		f.Add(tc.needle, tc.text)
	}
	f.Fuzz(func(t *testing.T, needle, text string) {
		fd := newFinder(needle)
		if got, want := fd.index(text), strings.Index(text, needle); got != want {
			t.Fatalf("index(%q in %q) = %d, strings.Index %d", needle, text, got, want)
		}
		if needle == "" {
			return // indexAll needs a needle
		}
		if got, want := finderAll(fd, text), plainAll(text, needle); !reflect.DeepEqual(got, want) {
			t.Fatalf("indexAll(%q in %q) = %v, indexAll %v", needle, text, got, want)
		}
	})
}
