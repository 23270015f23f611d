package screen

import (
	"reflect"
	"strings"
	"testing"
)

func TestFindShifts(t *testing.T) {
	rows := func(s string) []string { return strings.Split(s, "|") }
	for _, c := range []struct {
		name      string
		old, next string
		want      []shift
	}{
		{"nothing moved", "aa|bb|cc", "aa|bb|cc", nil},
		{"up one", "aa|bb|cc|dd", "bb|cc|dd|ee",
			[]shift{{top: 0, bottom: 3, n: 1, gain: 6}}},
		{"down one", "bb|cc|dd|ee", "aa|bb|cc|dd",
			[]shift{{top: 0, bottom: 3, n: -1, gain: 6}}},
		{"up two, status kept", "aa|bb|cc|dd|ee|st", "cc|dd|ee|ff|gg|st",
			[]shift{{top: 0, bottom: 4, n: 2, gain: 6}}},
		{"block inside", "hh|aa|bb|cc|ff", "hh|bb|cc|dd|ff",
			[]shift{{top: 1, bottom: 3, n: 1, gain: 4}}},
		{"trailing spaces do not count", "a  |b  |c  ", "b  |c  |d  ",
			[]shift{{top: 0, bottom: 2, n: 1, gain: 2}}},
		{"best first, at most three", "a|b|c|d|e|f|g", "b|c|a|d|e|f|g",
			[]shift{{top: 0, bottom: 2, n: 1, gain: 2}, {top: 0, bottom: 2, n: -2, gain: 1}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := findShifts(rows(c.old), rows(c.next), 3)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("findShifts = %+v, want %+v", got, c.want)
			}
		})
	}
	many := findShifts(rows("a|b|a|b|a|b|a|b"), rows("b|a|b|a|b|a|b|a"), 3)
	if len(many) != 3 {
		t.Errorf("findShifts kept %d candidates, want 3", len(many))
	}
}

func TestShiftApply(t *testing.T) {
	rows := []string{"a", "b", "c", "d", "e"}
	for _, c := range []struct {
		s    shift
		want []string
	}{
		{shift{top: 0, bottom: 4, n: 1}, []string{"b", "c", "d", "e", ""}},
		{shift{top: 0, bottom: 4, n: 2}, []string{"c", "d", "e", "", ""}},
		{shift{top: 0, bottom: 4, n: -1}, []string{"", "a", "b", "c", "d"}},
		{shift{top: 1, bottom: 3, n: 1}, []string{"a", "c", "d", "", "e"}},
		{shift{top: 1, bottom: 3, n: -2}, []string{"a", "", "", "b", "e"}},
	} {
		if got := c.s.apply(rows); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%+v.apply = %q, want %q", c.s, got, c.want)
		}
	}
	if rows[0] != "a" || rows[4] != "e" {
		t.Error("apply changed its argument")
	}
}

func TestShiftAppendTo(t *testing.T) {
	for _, c := range []struct {
		s      shift
		height int
		want   string
		homed  bool
	}{
		{shift{top: 0, bottom: 23, n: 1}, 24, "\x1b[S", false},
		{shift{top: 0, bottom: 23, n: -3}, 24, "\x1b[3T", false},
		{shift{top: 0, bottom: 22, n: 1}, 24, "\x1b[1;23r\x1b[S\x1b[r", true},
		{shift{top: 2, bottom: 9, n: -1}, 24, "\x1b[3;10r\x1b[T\x1b[r", true},
		{shift{top: 1, bottom: 5, n: 12}, 24, "\x1b[2;6r\x1b[12S\x1b[r", true},
	} {
		b, cur := c.s.appendTo(nil, c.height)
		if string(b) != c.want {
			t.Errorf("%+v.appendTo = %q, want %q", c.s, b, c.want)
		}
		if homed := cur == (cursor{rowKnown: true, colKnown: true}); homed != c.homed {
			t.Errorf("%+v: cursor %+v, homed want %v", c.s, cur, c.homed)
		}
	}
}
