#!/bin/sh
# Install BayLing Desktop for the current user from this unpacked app folder; no root needed.
#
#   ./install.sh              copy the app to ~/.local/opt/bayling-desktop, add the menu entry,
#                             the icons, the AppStream metadata and the bayling-desktop command
#   ./install.sh --uninstall  remove all of that again (models, chats and settings stay in
#                             ~/.local/share/bayling-desktop and ~/.config/bayling-desktop)
#
# BAYLING_PREFIX, XDG_DATA_HOME and BAYLING_BIN_DIR change where things go.
set -eu

APP_ID=io.github.bayling_desktop.BaylingDesktop
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${BAYLING_PREFIX:-$HOME/.local/opt/bayling-desktop}
BIN=${BAYLING_BIN_DIR:-$HOME/.local/bin}
SIZES="16 32 48 64 128 256 512"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    rm -f "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    # the command only if it is ours
    if [ -L "$BIN/bayling-desktop" ] && [ "$(readlink "$BIN/bayling-desktop")" = "$PREFIX/bayling-desktop" ]; then
        rm -f "$BIN/bayling-desktop"
    fi
    if [ -x "$PREFIX/bayling-desktop" ] && [ -d "$PREFIX/_internal" ]; then
        rm -rf "$PREFIX"
    fi
    refresh_caches
    echo "BayLing Desktop was removed. Your models, chats and settings were kept."
}

install_app() {
    if [ ! -x "$HERE/bayling-desktop" ] || [ ! -d "$HERE/share" ]; then
        echo "install.sh: run me from the unpacked bayling-desktop folder." >&2
        exit 1
    fi
    if [ "$HERE" != "$PREFIX" ]; then
        rm -rf "$PREFIX"
        mkdir -p "$PREFIX"
        cp -R "$HERE/." "$PREFIX/"
    fi
    mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo"
    ln -sfn "$PREFIX/bayling-desktop" "$BIN/bayling-desktop"
    # the menu entry runs this copy by its full path: ~/.local/bin is not always on PATH
    sed -e "s|^Exec=bayling-desktop |Exec=\"$PREFIX/bayling-desktop\" |" \
        -e "s|^TryExec=.*|TryExec=$PREFIX/bayling-desktop|" \
        "$HERE/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
    cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
    for size in $SIZES; do
        mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
        cp "$HERE/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
            "$DATA/icons/hicolor/${size}x${size}/apps/"
    done
    mkdir -p "$DATA/icons/hicolor/scalable/apps"
    cp "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$DATA/icons/hicolor/scalable/apps/"
    refresh_caches
    echo "BayLing Desktop is installed: find it in your applications menu, or run $BIN/bayling-desktop."
    echo "To remove it: $PREFIX/install.sh --uninstall"
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") install_app ;;
    *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
