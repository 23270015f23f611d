package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var setClipboardType = reflect.TypeOf(tea.SetClipboard("")())

// clipboardOf runs cmd (and the commands it batches) and returns what it
// would put on the clipboard, or false.
func clipboardOf(cmd tea.Cmd) (string, bool) {
	if cmd == nil {
		return "", false
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			if s, ok := clipboardOf(c); ok {
				return s, true
			}
		}
		return "", false
	}
	if reflect.TypeOf(msg) == setClipboardType {
		return reflect.ValueOf(msg).String(), true
	}
	return "", false
}

// pressFor sends k to the model and returns what it would copy.
func (d *driver) copied(k string) (string, bool) {
	m, cmd := d.m.Update(press(k))
	d.m = m
	s, ok := clipboardOf(cmd)
	return s, ok
}

func TestCopyKeys(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	openLong(d)
	text, ok := d.copied("y")
	if !ok || !strings.HasPrefix(text, "城市更新中的老街故事") || !strings.Contains(text, "第40次居民座谈会") {
		t.Fatalf("y copied %v %q…", ok, text[:min(len(text), 60)])
	}
	if s := lastLine(d.screen()); !strings.Contains(s, "copied the article:") || !strings.Contains(s, "characters") {
		t.Fatalf("status: %q", s)
	}
	// with a current match, the paragraph holding it
	d.keys("/")
	d.typeText("第7次")
	d.keys("enter")
	text, _ = d.copied("y")
	if !strings.Contains(text, "第7次居民座谈会") || strings.Contains(text, "第8次") || strings.Contains(text, "\n") {
		t.Fatalf("y with a match copied %q", text)
	}
	text, _ = d.copied("Y")
	if text != "500 城市更新中的老街故事\n500城市更新中的老街故事.txt" {
		t.Fatalf("Y copied %q", text)
	}
	if s := lastLine(d.screen()); !strings.Contains(s, "copied the title and path") {
		t.Fatalf("status: %q", s)
	}
	d.keys("q", "esc", "g")
	text, _ = d.copied("Y")
	if !strings.HasSuffix(text, ".txt") || !strings.Contains(text, "\n") {
		t.Fatalf("Y in the library copied %q", text)
	}
}
