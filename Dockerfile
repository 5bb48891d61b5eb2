# syntax=docker/dockerfile:1
# The operator image: built with the Swift toolchain, run on a slim non-root runtime.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcurl4-openssl-dev libssl-dev zlib1g-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
RUN swift package resolve
# Test directories too: SwiftPM checks every declared target's sources exist.
COPY Sources Sources
COPY Tests Tests
RUN swift build -c release --product shipshape --static-swift-stdlib \
 && install -m 0755 "$(swift build -c release --show-bin-path)/shipshape" /usr/local/bin/shipshape

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libcurl4 ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/shipshape /usr/local/bin/shipshape
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/shipshape"]
CMD ["run"]
