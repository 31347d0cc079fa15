# envdoctor itself in an image, for a node's DaemonSet (examples/kubernetes/envdoctor-daemonset.yaml):
# built from the self-contained archive of scripts/package.sh, which brings its own Java runtime and
# libtorch, so the base needs no Java and the build downloads nothing:
#   scripts/package.sh && docker build -f src/main/docker/envdoctor.Dockerfile -t envdoctor:local target/dist
# BASE_IMAGE: any glibc Linux of the archive's architecture (the tests use the offline local/debian:bookworm).
# To report the node rather than the container, mount the host's /proc, /sys and /etc/os-release under
# /host and set ENVDOCTOR_HOST_ROOT=/host (the DaemonSet does; unset, the probe reads the container).
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}

# ADD unpacks the archive; its one folder is named for its version and platform.
ADD envdoctor-*.tar.gz /opt/
RUN ln -s /opt/envdoctor-*/ /opt/envdoctor && ln -s /opt/envdoctor/bin/envdoctor /usr/local/bin/envdoctor \
    && envdoctor --version

ENV DJL_OFFLINE=true
LABEL dev.envdoctor.image="envdoctor"
ENTRYPOINT ["envdoctor"]
CMD ["health"]
