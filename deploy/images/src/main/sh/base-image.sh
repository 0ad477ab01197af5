#!/usr/bin/env bash
# Builds the services' base image without Docker or a registry: a JRE cut by jlink from JDK 25 (the pom's images.jdk,
# Temurin 25 by default; the build itself may run on 17), the
# Debian packages that JRE links against (glibc, zlib, libgcc, libstdc++, plus base-files for /etc/os-release), a
# non-root user and /tmp. The result is a docker-archive tarball (manifest.json + config + one layer) that Jib reads as
# `tar://<file>`.
#
# The packages are installed the way distroless installs them: `apt-get download` fetches the .debs from the build
# machine's own Debian mirror (apt verifies them against the signed package lists), `dpkg-deb -x` unpacks them, and
# each gets its control stanza in /var/lib/dpkg/status.d/<package> (plus its md5sums), which is where Trivy, Amazon
# Inspector and ECR's scanning look for the OS packages of an image without dpkg. Needs apt-get and dpkg-deb (a Debian
# or Ubuntu build machine, the distribution the JDK came from) and the mirror once; the .debs are kept in <deb cache>
# and reused when the mirror cannot be reached.
#
#   base-image.sh <JDK 25 home> <output directory> <deb cache directory>
#
# With --native instead of a JDK home, the base of the native executables (-Pnative): no JRE, only the packages those
# executables link against (asked of ldd, like the JRE's libraries), glibc and zlib in any case (what Quarkus's own
# micro base image holds), base-files, the user and /tmp.
#
#   base-image.sh --native <output directory> <deb cache directory> <executable>...
set -euo pipefail

java_home=$1
out=$(realpath -m "$2") # absolute: the library paths ldd prints are compared with it
debs=$3
shift 3
executables=("$@")
uid=10001

# Every JDK module the services' jars refer to (found by scanning their class files; jdk.compiler, used only by
# Vert.x's code generator, left out), plus what is loaded reflectively: JNDI DNS, zip file systems and the EC ciphers
# of TLS (jdk.crypto.ec, up to JDK 21; filtered out where it no longer exists). java.desktop is there for java.beans;
# its AWT, sound and image natives are removed below.
wanted=(java.base java.compiler java.desktop java.instrument java.logging java.management java.naming java.net.http
  java.rmi java.scripting java.security.jgss java.security.sasl java.sql java.transaction.xa java.xml jdk.crypto.ec
  jdk.management jdk.naming.dns jdk.net jdk.unsupported jdk.zipfs)

rm -rf "$out"
root=$out/rootfs
mkdir -p "$root"

# The JRE under /opt/java; sets $modules and $libs (every shared library the JRE's executables and libraries need, as
# this machine resolves them).
add_jre() {
  local jlink=$java_home/bin/jlink version
  if [[ ! -x $jlink ]]; then
    echo "base-image: no JDK at $java_home (no bin/jlink). The images run JDK 25 with an AOT cache: install" \
      "Temurin 25 there (apt: temurin-25-jdk from packages.adoptium.net) or pass -Dimages.jdk=<JDK 25 home>" >&2
    exit 1
  fi
  # The AOT cache (-XX:AOTCacheOutput, -XX:AOTCache) needs JDK 25; the cache is tied to this exact JVM build.
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")
  if [[ -z $version || $version -lt 25 ]]; then
    echo "base-image: $java_home is JDK ${version:-?}, the images need JDK 25 (-Dimages.jdk=<JDK 25 home>)" >&2
    exit 1
  fi
  local available
  available=$("$java_home/bin/java" --list-modules | sed 's/@.*//')
  modules=$(for m in "${wanted[@]}"; do grep -qx "$m" <<<"$available" && echo "$m"; done | paste -sd, -)

  # --generate-cds-archive: without it a jlinked runtime has no default CDS archive (lib/server/classes.jsa), so every
  # start parses and verifies the JDK's own classes again. The archive made for compressed oops is the one a heap
  # under 32 GB uses; the other one is dropped.
  "$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
    --output "$root/opt/java"
  rm -f "$root/opt/java/lib/server/classes_nocoops.jsa"
  # Debian's JDK keeps its CA bundle as a link into /etc/ssl; the image needs the file itself (TLS to S3 and RDS).
  cp -L "$java_home/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"
  # A headless server never loads these; they would drag in X11, ALSA, freetype and image libraries.
  rm -f "$root"/opt/java/lib/lib{awt,awt_headless,awt_xawt,fontmanager,javajpeg,jawt,jsound,lcms,mlib_image,splashscreen}.so

  libs=$(find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' \
    | grep -v "^$root" | sort -u)
}

# No JRE: sets $libs to what the native executables link against (as this machine resolves them), plus glibc and zlib
# whatever they say (Quarkus's own micro base image holds both; glibc's resolver is what DNS goes through).
native_libs() {
  local exe ldconfig lib path
  for exe in "${executables[@]}"; do
    if [[ ! -x $exe ]]; then
      echo "base-image: $exe is not an executable (build the services with -Pnative first)" >&2
      exit 1
    fi
  done
  modules="none: native executables"
  libs=$(ldd "${executables[@]}" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}')
  ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
  for lib in libc.so.6 libz.so.1; do
    path=$("$ldconfig" -p | awk -v lib="$lib" '$1 == lib && $NF ~ /^\// {print $NF; exit}')
    libs=$(printf '%s\n%s\n' "$libs" "$path")
  done
  libs=$(grep -v '^$' <<<"$libs" | sort -u)
}

# base-files is the distribution itself: /etc/os-release and /etc/debian_version.
if [[ $java_home == --native ]]; then
  native_libs
  env='"PATH=/usr/bin:/bin","LANG=C.UTF-8"'
else
  add_jre
  env='"PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"'
fi

owner() { # the package owning a library, asked under its own path and under its merged-/usr aliases
  local path
  for path in "$1" "$(readlink -f "$1")" "${1#/usr}" "/usr${1#/usr}"; do
    dpkg-query -S "$path" 2>/dev/null | head -1 | cut -d: -f1 && return 0
  done
  echo "base-image: no Debian package owns $1" >&2
  return 1
}
packages=$( (echo base-files; for lib in $libs; do owner "$lib"; done) | sort -u)

# One .deb per package in $debs: the mirror's current version (security fixes), else the one downloaded last time.
mkdir -p "$debs"
fetch=$(mktemp -d)
for pkg in $packages; do
  if (cd "$fetch" && apt-get download -q "$pkg" >/dev/null 2>&1); then
    rm -f "$debs/${pkg}"_*.deb
    mv "$fetch/${pkg}"_*.deb "$debs/"
  elif compgen -G "$debs/${pkg}_*.deb" >/dev/null; then
    echo "base-image: cannot download $pkg, using $(ls "$debs/${pkg}"_*.deb)" >&2
  else
    echo "base-image: cannot download $pkg (apt-get download $pkg; run apt-get update?) and none is cached" >&2
    exit 1
  fi
done
rm -rf "$fetch"
# A package the JRE no longer needs must not stay in the cache (BaseImageIT compares the cache with the image).
for deb in "$debs"/*.deb; do
  grep -qx "$(dpkg-deb -f "$deb" Package)" <<<"$packages" || rm -f "$deb"
done

status=$root/var/lib/dpkg/status.d
mkdir -p "$status"
for deb in "$debs"/*.deb; do
  pkg=$(dpkg-deb -f "$deb" Package)
  dpkg-deb -x "$deb" "$root"
  control=$(mktemp -d)
  dpkg-deb -e "$deb" "$control"
  # The stanza dpkg itself would write into /var/lib/dpkg/status, with Status right after Package.
  awk '{print} /^Package:/ {print "Status: install ok installed"}' "$control/control" >"$status/$pkg"
  [[ -f $control/md5sums ]] && cp "$control/md5sums" "$status/$pkg.md5sums"
  rm -rf "$control"
done
# Only what the JRE runs on: manuals, info pages and translations are dropped (the copyright files stay).
rm -rf "$root"/usr/share/{man,info,locale,lintian}

# The dynamic linker must find every library from the packages alone (it looks in these directories by itself).
for lib in $libs; do
  name=$(basename "$lib")
  found=
  for dir in /lib64 /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu; do
    [[ -e $root$dir/$name ]] && found=1
  done
  if [[ -z $found ]]; then
    echo "base-image: $name ($lib) is in none of the packages: $packages" >&2
    exit 1
  fi
done

mkdir -p "$root/etc" "$root/tmp" "$root/deployments"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:%d:%d:app:/deployments:/sbin/nologin\n' $uid $uid >"$root/etc/passwd"
printf 'root:x:0:\napp:x:%d:\n' $uid >"$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"

# Reproducible layer: fixed owner, order and timestamps, so the same inputs give the same digest.
tar --create --file "$out/layer.tar" --directory "$root" --numeric-owner --owner=0 --group=0 --sort=name \
  --mtime=@0 .
diff_id=$(sha256sum "$out/layer.tar" | cut -d' ' -f1)
cat >"$out/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":[$env],"User":"$uid",
           "WorkingDir":"/deployments"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/src/main/sh/base-image.sh ($modules; $(echo $packages))"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["storefront/base:latest"],"Layers":["layer.tar"]}]\n' \
  >"$out/manifest.json"
tar --create --file "$out/base-image.tar" --directory "$out" --numeric-owner --owner=0 --group=0 --mtime=@0 \
  manifest.json config.json layer.tar
rm -rf "$root" "$out/layer.tar"
echo "base-image: $out/base-image.tar ($(du -h "$out/base-image.tar" | cut -f1), modules: $modules, packages: $(echo $packages))"
