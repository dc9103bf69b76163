#!/bin/sh
# Make the unpacked planner a desktop program for this user: menu entry, icon, and the two
# commands on the PATH (~/.local/bin). Run it from the unpacked folder; run it again after
# moving the folder. Nothing outside ~/.local is touched, and no administrator rights are needed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
mkdir -p "$data/applications" "$data/metainfo" "$data/icons" "$bin"
sed "s|^Exec=delegation-planner|Exec=\"$here/delegation-planner\"|" \
    "$here/share/applications/org.delegationplanner.DelegationPlanner.desktop" \
    > "$data/applications/org.delegationplanner.DelegationPlanner.desktop"
cp "$here/share/metainfo/org.delegationplanner.DelegationPlanner.metainfo.xml" "$data/metainfo/"
cp -R "$here/share/icons/hicolor" "$data/icons/"
ln -sf "$here/delegation-planner" "$bin/delegation-planner"
ln -sf "$here/planner" "$bin/planner"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Delegation Planner is in your applications menu; 'planner' and 'delegation-planner' are in $bin."
