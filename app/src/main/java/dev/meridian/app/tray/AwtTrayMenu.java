package dev.meridian.app.tray;

import dev.meridian.app.tray.TrayMenu.Action;
import dev.meridian.app.tray.TrayMenu.Caption;
import dev.meridian.app.tray.TrayMenu.Choice;
import dev.meridian.app.tray.TrayMenu.Command;
import dev.meridian.app.tray.TrayMenu.Entry;
import dev.meridian.app.tray.TrayMenu.Separator;
import java.awt.CheckboxMenuItem;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;

/** Renders a {@link TrayMenu} into an AWT popup menu. AWT event thread only. */
final class AwtTrayMenu {

    /** What the menu's items do; called on the AWT event thread, so implementations hand work off at once. */
    interface Handler {
        void choose(Choice choice);

        void run(Command command);
    }

    private AwtTrayMenu() {}

    static void render(TrayMenu menu, PopupMenu popup, Handler handler) {
        popup.removeAll();
        for (Entry entry : menu.entries()) {
            if (entry instanceof Separator) {
                popup.addSeparator();
            } else {
                popup.add(item(entry, handler));
            }
        }
    }

    private static MenuItem item(Entry entry, Handler handler) {
        if (entry instanceof Caption caption) {
            MenuItem item = new MenuItem(caption.label());
            item.setEnabled(false);
            return item;
        }
        if (entry instanceof Choice choice) {
            return choice.hasSpaces() ? submenu(choice, handler) : checkbox(choice, handler);
        }
        Action action = (Action) entry;
        MenuItem item = action.checked() == null
                ? new MenuItem(action.label())
                : new CheckboxMenuItem(action.label(), action.checked());
        item.setEnabled(action.enabled());
        onSelect(item, () -> handler.run(action.command()));
        return item;
    }

    private static Menu submenu(Choice choice, Handler handler) {
        Menu menu = new Menu(choice.checked() ? choice.label() + "  \u25C0" : choice.label());
        for (Choice space : choice.spaces()) {
            menu.add(checkbox(space, handler));
        }
        return menu;
    }

    private static CheckboxMenuItem checkbox(Choice choice, Handler handler) {
        CheckboxMenuItem item = new CheckboxMenuItem(choice.label(), choice.checked());
        onSelect(item, () -> handler.choose(choice));
        return item;
    }

    /** A click on a check box item fires an item event, on a plain item an action event: handle both. */
    private static void onSelect(MenuItem item, Runnable action) {
        item.addActionListener(e -> action.run());
        if (item instanceof CheckboxMenuItem box) {
            box.addItemListener(e -> action.run());
        }
    }
}
