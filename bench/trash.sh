# Sourced by the bench scripts: what they would delete before a timed build is moved aside
# ("trash PATH ...") and deleted when the script exits ("trash_empty"), as `archive bench` does
# (src/main/java/archive/bench/Trash.java). On ext4 without a journal, this machine's disk, a new
# file does not get an inode freed in the last few minutes and its inode is found past every one
# freed since: a clean build of 10,000 articles right after the previous site was deleted took 23.2 s
# instead of 13.1 s. On tmpfs there is no such cost, and a path there is deleted at once.
# "wait_for_quiet PATH" waits, before a timed build to PATH, until files the bench deleted are old
# enough: 250 s, measured on this machine (see Trash#windowMillis).
trash_marker="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/bench/.trash-emptied"
trash_dirs=()
on_tmpfs() { local p="$1"; while [ ! -e "$p" ]; do p="$(dirname "$p")"; done; [ "$(stat -f -c %T "$p")" = tmpfs ]; }
deleted_now() { mkdir -p "$(dirname "$trash_marker")"; touch "$trash_marker"; }
trash() {
  local p t
  for p in "$@"; do
    [ -e "$p" ] || continue
    if on_tmpfs "$p"; then rm -rf "$p"; continue; fi
    t="$(dirname "$p")/.trash"
    mkdir -p "$t"
    mv "$p" "$t/$(basename "$p")-$(date +%s%N)"
    [[ " ${trash_dirs[*]:-} " == *" $t "* ]] || trash_dirs+=("$t")
  done
}
trash_empty() {
  local t
  for t in ${trash_dirs[@]+"${trash_dirs[@]}"}; do
    if [ -d "$t" ]; then rm -rf "$t"; deleted_now; fi
  done
  trash_dirs=()
}
wait_for_quiet() {
  [ -f "$trash_marker" ] && ! on_tmpfs "$1" || return 0
  local window=250
  local since=$(( $(date +%s) - $(stat -c %Y "$trash_marker") ))
  if [ "$since" -lt "$window" ]; then
    echo "waiting $((window - since)) s: files deleted ${since} s ago would slow the file system's choice of inodes (bench/trash.sh)" >&2
    sleep $((window - since))
  fi
}
