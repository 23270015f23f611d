package screen

import (
	"fmt"
	"reflect"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Types of Bubble Tea's messages that carry what to write, known only by
// the values its commands return.
var (
	setClipboardType        = reflect.TypeOf(tea.SetClipboard("")())
	setPrimaryClipboardType = reflect.TypeOf(tea.SetPrimaryClipboard("")())
	requestCapabilityType   = reflect.TypeOf(tea.RequestCapability("")())
)

// terminalOutput is what Bubble Tea would write to the terminal for msg:
// a query (colours, cursor position, clipboard, version, capability), a
// clipboard write or tea.Raw. A session writes it through its painting
// loop instead, between frames, at once: Bubble Tea only flushes such
// output on the tick of a 60 Hz timer, which the session stops (see
// stopTicker) so that an idle program costs nothing.
func terminalOutput(msg tea.Msg) (string, bool) {
	switch msg {
	case tea.RequestBackgroundColor():
		return ansi.RequestBackgroundColor, true
	case tea.RequestForegroundColor():
		return ansi.RequestForegroundColor, true
	case tea.RequestCursorColor():
		return ansi.RequestCursorColor, true
	case tea.RequestCursorPosition():
		return ansi.RequestCursorPositionReport, true
	case tea.ReadClipboard():
		return ansi.RequestSystemClipboard, true
	case tea.ReadPrimaryClipboard():
		return ansi.RequestPrimaryClipboard, true
	case tea.RequestTerminalVersion():
		return ansi.RequestNameVersion, true
	case tea.RequestProgramStatusSupport():
		return ansi.RequestProgramStatusSupport, true
	}
	if raw, ok := msg.(tea.RawMsg); ok {
		return fmt.Sprint(raw.Msg), true
	}
	switch reflect.TypeOf(msg) {
	case setClipboardType:
		return ansi.SetSystemClipboard(reflect.ValueOf(msg).String()), true
	case setPrimaryClipboardType:
		return ansi.SetPrimaryClipboard(reflect.ValueOf(msg).String()), true
	case requestCapabilityType:
		return ansi.RequestTermcap(reflect.ValueOf(msg).String()), true
	}
	return "", false
}
