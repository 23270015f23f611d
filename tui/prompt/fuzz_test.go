package prompt

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// specialKeys are the named keys a binding string can end in.
var specialKeys = []rune{
	tea.KeyUp, tea.KeyDown, tea.KeyLeft, tea.KeyRight, tea.KeyHome, tea.KeyEnd,
	tea.KeyPgUp, tea.KeyPgDown, tea.KeyInsert, tea.KeyDelete, tea.KeyBackspace,
	tea.KeyTab, tea.KeyEnter, tea.KeyEscape, tea.KeySpace,
}

// keyPress turns a binding string ("alt+d", "ctrl+left", "x") into the key
// press a terminal would deliver, or reports false.
func keyPress(s string) (tea.KeyPressMsg, bool) {
	parts := strings.Split(s, "+")
	var k tea.KeyPressMsg
	for _, mod := range parts[:len(parts)-1] {
		switch mod {
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "alt":
			k.Mod |= tea.ModAlt
		case "shift":
			k.Mod |= tea.ModShift
		default:
			return k, false
		}
	}
	base := parts[len(parts)-1]
	if r := []rune(base); len(r) == 1 {
		k.Code = r[0]
		if k.Mod == 0 {
			k.Text = base
		}
	} else {
		for _, c := range specialKeys {
			if (tea.KeyPressMsg{Code: c}).String() == base {
				k.Code = c
			}
		}
	}
	return k, k.String() == s
}

// everyKey is every key any of textinput's bindings and the prompt's own
// answers to (read from the key maps, so a binding added upstream is
// covered), and a few keys that type text.
func everyKey(t testing.TB) []tea.KeyPressMsg {
	var bindings []key.Binding
	for _, km := range []any{textinput.DefaultKeyMap(), DefaultKeyMap()} {
		v := reflect.ValueOf(km)
		for i := range v.NumField() {
			if b, ok := v.Field(i).Interface().(key.Binding); ok {
				bindings = append(bindings, b)
			}
		}
	}
	var keys []tea.KeyPressMsg
	for _, b := range bindings {
		for _, s := range b.Keys() {
			k, ok := keyPress(s)
			if !ok {
				t.Fatalf("cannot build the key %q", s)
			}
			keys = append(keys, k)
		}
	}
	for _, s := range []string{"a", "Z", "冰", "“", "-", " "} {
		keys = append(keys, tea.KeyPressMsg{Code: []rune(s)[0], Text: s})
	}
	return keys
}

// keyIndex finds the key written s among keys.
func keyIndex(t testing.TB, keys []tea.KeyPressMsg, s string) byte {
	for i, k := range keys {
		if k.String() == s {
			return byte(i)
		}
	}
	t.Fatalf("no key %q", s)
	return 0
}

func TestAltDAtEveryPosition(t *testing.T) {
	for _, text := range []string{"a", "ab", "冰灯 节", "a  ", " b"} {
		for left := 0; left <= len([]rune(text)); left++ {
			p := New("/")
			p.Open(text)
			for range left {
				p, _ = p.Update(tea.KeyPressMsg{Code: tea.KeyLeft})
			}
			p, _ = p.Update(tea.KeyPressMsg{Code: 'd', Mod: tea.ModAlt})
			want := []rune(text)
			pos := len(want) - left
			end := pos
			for end < len(want) && want[end] == ' ' {
				end++
			}
			for end < len(want) && want[end] != ' ' {
				end++
			}
			if got := p.Value(); got != string(want[:pos])+string(want[end:]) {
				t.Fatalf("%q, cursor %d, alt+d: %q", text, pos, got)
			}
		}
	}
}

// FuzzPromptKeys drives an open prompt with random sequences of every key
// the prompt binds: no key may panic, and the view stays exactly as wide
// as asked.
func FuzzPromptKeys(f *testing.F) {
	keys := everyKey(f)
	seq := func(names ...string) []byte {
		var b []byte
		for _, n := range names {
			b = append(b, keyIndex(f, keys, n))
		}
		return b
	}
	f.Add("ab", seq("left", "alt+d"))
	f.Add("冰灯 节", seq("home", "alt+d", "alt+d", "alt+delete"))
	f.Add("x", seq("ctrl+a", "alt+d"))
	f.Add("", seq("alt+d", "a", "ctrl+w", "alt+b", "alt+f", "ctrl+k", "ctrl+u", "enter", "esc"))
	f.Add("a b  c", seq("alt+left", "alt+left", "alt+d", "ctrl+left", "alt+backspace", "delete", "backspace"))
	cond := &runewidth.Condition{EastAsianWidth: false}
	f.Fuzz(func(t *testing.T, text string, presses []byte) {
		p := New("/")
		p.SetHistory([]string{"冰灯", "a b", text})
		p.Open(text)
		for i, b := range presses {
			if !p.IsOpen() {
				if i%2 == 0 {
					p.OpenSelected()
				} else {
					p.Open(p.Value())
				}
			}
			p, _ = p.Update(keys[int(b)%len(keys)])
			if w := cond.StringWidth(ansi.Strip(p.View(12, cond))); w != 12 {
				t.Fatalf("view is %d columns wide", w)
			}
		}
	})
}
