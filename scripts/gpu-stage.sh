#!/usr/bin/env bash
# Prepares what must travel to a Linux x86-64 GPU machine that has no Java: a jlinked Java runtime
# and envdoctor's jars WITHOUT the 111 MB libtorch CPU jar (the GPU machine brings its own
# libtorch via its Python torch), in the git-ignored folder .gpu/ (about 55 MB).
# Then run there: scripts/gpu-run.sh (see docs/gpu-machine.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=.gpu
./mvnw -q -B -DskipTests clean package
rm -rf "$out" && mkdir -p "$out/app/lib"
"${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/jlink" \
  --add-modules java.base,java.logging,java.management,jdk.unsupported,java.naming,java.xml,java.sql,jdk.crypto.ec \
  --compress=2 --strip-debug --no-header-files --no-man-pages --output "$out/jre"
cp target/envdoctor.jar "$out/app/"
for j in target/lib/*.jar; do
  case $(basename "$j") in pytorch-native-cpu-*) ;; *) cp "$j" "$out/app/lib/" ;; esac
done
du -sh "$out" "$out/jre" "$out/app"
