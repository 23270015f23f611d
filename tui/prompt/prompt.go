// Package prompt is the one-line input used for the list filter, the
// in-text search and the collection search: a text input that never blinks
// (an idle screen sends no bytes) and reports what the user did with it.
package prompt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// Event is what a key did to the prompt.
type Event int

const (
	None    Event = iota // nothing the owner needs to act on
	Changed              // the text changed: incremental behaviour runs now
	Submit               // Enter: keep the text and close
	Cancel               // Esc: drop the text and close
)

// KeyMap holds the prompt's own bindings; editing keys are textinput's.
type KeyMap struct {
	Submit key.Binding
	Cancel key.Binding
	// Older and Newer recall the queries of the history (SetHistory).
	Older, Newer key.Binding
}

// DefaultKeyMap returns the bindings of a prompt.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "confirm")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Older:  key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "earlier query")),
		Newer:  key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "later query")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Submit, k.Cancel, k.Older, k.Newer} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is an open or closed prompt.
type Model struct {
	KeyMap KeyMap
	// input is shared by the copies of a Model: Bubble Tea copies the
	// models that hold a prompt on every message, and a textinput is 8 kB.
	// Only the latest copy is used, as with any model.
	input  *textinput.Model
	open   bool
	label  lipgloss.Style
	cursor lipgloss.Style

	selected bool     // the whole text is selected: typing replaces it
	hist     []string // earlier queries, oldest first
	histPos  int      // the query shown; len(hist) is the one being typed
	draft    string   // the query being typed, while an older one is shown
}

// New returns a closed prompt that shows label before the text ("/", "F/").
func New(label string) Model {
	in := textinput.New()
	in.Prompt = label
	in.CharLimit = 256
	st := textinput.DefaultDarkStyles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.KeyMap.AcceptSuggestion.SetEnabled(false)
	in.KeyMap.NextSuggestion.SetEnabled(false)
	in.KeyMap.PrevSuggestion.SetEnabled(false)
	return Model{KeyMap: DefaultKeyMap(), input: &in, cursor: lipgloss.NewStyle().Reverse(true)}
}

// SetStyle sets the style of the label.
func (m *Model) SetStyle(label lipgloss.Style, mono bool) {
	st := textinput.DefaultDarkStyles()
	if mono {
		st = textinput.Styles{}
		st.Cursor.Color = nil
	}
	st.Cursor.Blink = false
	st.Focused.Prompt = label
	st.Blurred.Prompt = label
	m.input.SetStyles(st)
	m.label = label
}

// Open shows the prompt with the given text and focuses it.
func (m *Model) Open(text string) {
	m.open = true
	m.selected = false
	m.histPos, m.draft = len(m.hist), ""
	m.input.SetValue(text)
	m.input.CursorEnd()
	m.input.Focus()
}

// Close hides the prompt, keeping its text.
func (m *Model) Close() {
	m.open = false
	m.input.Blur()
}

// IsOpen reports whether the prompt takes the keys.
func (m Model) IsOpen() bool { return m.open }

// Value is the current text, made safe for one line of the terminal (no
// control or bidi character).
func (m Model) Value() string { return loader.SanitizeLine(m.input.Value()) }

// Update handles a key while the prompt is open.
func (m Model) Update(msg tea.KeyPressMsg) (Model, Event) {
	switch {
	case key.Matches(msg, m.KeyMap.Submit):
		m.Close()
		return m, Submit
	case key.Matches(msg, m.KeyMap.Cancel):
		m.Close()
		return m, Cancel
	}
	before := m.input.Value()
	if m.recall(msg) || m.replaceSelection(msg) {
		// done
	} else if key.Matches(msg, m.input.KeyMap.DeleteWordForward) {
		// textinput v2.1.1 indexes past the end when the word ends the
		// text (charmbracelet/bubbles#1056): do the deletion here.
		m.deleteWordForward()
	} else {
		*m.input, _ = m.input.Update(msg)
	}
	if m.input.Value() != before {
		return m, Changed
	}
	return m, None
}

// deleteWordForward deletes from the cursor to the end of the next word
// (the spaces before it included), leaving the cursor where it was.
func (m *Model) deleteWordForward() {
	value := []rune(m.input.Value())
	pos := m.input.Position()
	if pos >= len(value) {
		return
	}
	end := pos
	for end < len(value) && unicode.IsSpace(value[end]) {
		end++
	}
	for end < len(value) && !unicode.IsSpace(value[end]) {
		end++
	}
	m.input.SetValue(string(value[:pos]) + string(value[end:]))
	m.input.SetCursor(pos)
}

// Paste inserts pasted text into an open prompt.
func (m Model) Paste(msg tea.PasteMsg) (Model, Event) {
	before := m.input.Value()
	if m.selected {
		m.selected = false
		m.input.SetValue("")
	}
	*m.input, _ = m.input.Update(msg)
	if m.input.Value() != before {
		return m, Changed
	}
	return m, None
}

// View renders the prompt in exactly width columns, measured with cond
// (textinput's own view measures ambiguous characters its own way). The
// text scrolls so that the cursor stays visible.
func (m Model) View(width int, cond *runewidth.Condition) string {
	label := wrap.Truncate(m.input.Prompt, width, cond)
	room := width - wrap.Width(label, cond)
	if room <= 0 {
		return m.label.Render(label) + strings.Repeat(" ", max(0, width-wrap.Width(label, cond)))
	}
	value := []rune(m.Value())
	pos := min(m.input.Position(), len(value))
	before, under, after := string(value[:pos]), " ", ""
	if pos < len(value) {
		under, after = string(value[pos]), string(value[pos+1:])
	}
	uw := wrap.Width(under, cond)
	// drop text from the left until the part before the cursor fits
	for before != "" && wrap.Width(before, cond)+uw > room {
		_, n := utf8.DecodeRuneInString(before)
		before = before[n:]
	}
	if wrap.Width(before, cond)+uw > room {
		under, uw = " ", 1
	}
	after = wrap.Truncate(after, max(0, room-wrap.Width(before, cond)-uw), cond)
	used := wrap.Width(label, cond) + wrap.Width(before, cond) + uw + wrap.Width(after, cond)
	if m.selected && before != "" {
		before = m.cursor.Render(before)
	}
	return m.label.Render(label) + before + m.cursor.Render(under) + after + strings.Repeat(" ", max(0, width-used))
}
