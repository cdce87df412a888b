// The ONNX graph of our static embedding models: an int8 word table with per-row scales,
// gathered by token id and mean pooled over the attention mask. Written with onnx-proto by
// scripts/build-model.ts; Transformers.js runs it like any model with a `sentence_embedding` output.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** The quantised table: (vocab) x dims int8, row-major, and one float32 scale per row (the weight baked in). */
export interface QuantisedTable {
  q: Int8Array;
  scales: Float32Array;
}

/** What the graph records about itself. */
export interface StaticModelMeta {
  modelId: string;
  dims: number;
  /** The source package of the vectors, `name@version`. */
  source: string;
}

type ITensorProto = InstanceType<typeof onnx.TensorProto>;
const DT = onnx.TensorProto.DataType;
const ATTR = onnx.AttributeProto.AttributeType;

function tensorInit(name: string, dataType: number, dims: number[], raw: Uint8Array): ITensorProto {
  return onnx.TensorProto.create({ name, dataType, dims, rawData: raw });
}

function int64Raw(values: number[]): Uint8Array {
  const b = Buffer.alloc(values.length * 8);
  for (const [i, v] of values.entries()) b.writeBigInt64LE(BigInt(v), i * 8);
  return b;
}

export function float32Raw(values: Float32Array | number[]): Uint8Array {
  const b = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) b.writeFloatLE(values[i]!, i * 4);
  return b;
}

function valueInfo(name: string, elemType: number, dims: (string | number)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  });
}

function node(opType: string, inputs: string[], outputs: string[], attrs: Record<string, number> = {}) {
  return onnx.NodeProto.create({
    opType,
    name: outputs[0],
    input: inputs,
    output: outputs,
    attribute: Object.entries(attrs).map(([name, i]) => ({ name, type: ATTR.INT, i })),
  });
}

/**
 * sentence_embedding[b] = sum_s table_q[ids[b,s]] * scale[ids[b,s]] * mask[b,s] / max(1, sum_s mask[b,s])
 *
 * The weighted sum over the sequence is a batched MatMul: [B,1,S] x [B,S,D] -> [B,1,D].
 */
export function buildStaticModelOnnx(q: QuantisedTable, vocabSize: number, meta: StaticModelMeta): Uint8Array {
  const { modelId: MODEL_ID, dims: DIMS, source } = meta;
  const initializer = [
    tensorInit('embedding_table_int8', DT.INT8, [vocabSize, DIMS], new Uint8Array(q.q.buffer, q.q.byteOffset, q.q.byteLength)),
    tensorInit('embedding_row_scale', DT.FLOAT, [vocabSize], float32Raw(q.scales)),
    tensorInit('axes_last', DT.INT64, [1], int64Raw([-1])),
    tensorInit('axes_1', DT.INT64, [1], int64Raw([1])),
    tensorInit('one', DT.FLOAT, [], float32Raw([1])),
  ];
  const nodes = [
    node('Gather', ['embedding_table_int8', 'input_ids'], ['rows_int8'], { axis: 0 }), // [B,S,D] int8
    node('Cast', ['rows_int8'], ['rows'], { to: DT.FLOAT }), // [B,S,D]
    node('Gather', ['embedding_row_scale', 'input_ids'], ['row_scale'], { axis: 0 }), // [B,S]
    node('Cast', ['attention_mask'], ['mask'], { to: DT.FLOAT }), // [B,S]
    node('Mul', ['row_scale', 'mask'], ['token_weight']), // [B,S]
    node('Unsqueeze', ['token_weight', 'axes_1'], ['token_weight_row']), // [B,1,S]
    node('MatMul', ['token_weight_row', 'rows'], ['summed_3d']), // [B,1,D]
    node('Squeeze', ['summed_3d', 'axes_1'], ['summed']), // [B,D]
    node('ReduceSum', ['mask', 'axes_last'], ['token_count'], { keepdims: 1 }), // [B,1]
    node('Max', ['token_count', 'one'], ['denominator']), // [B,1]
    node('Div', ['summed', 'denominator'], ['sentence_embedding']), // [B,D]
  ];
  const graph = onnx.GraphProto.create({
    name: MODEL_ID,
    docString: `Static word embeddings (${source}), int8 table with per-row scales, mean pooled.`,
    node: nodes,
    initializer,
    input: [valueInfo('input_ids', DT.INT64, ['batch_size', 'sequence_length']), valueInfo('attention_mask', DT.INT64, ['batch_size', 'sequence_length'])],
    output: [valueInfo('sentence_embedding', DT.FLOAT, ['batch_size', DIMS])],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'nordichub scripts/build-model.ts',
    producerVersion: '1',
    modelVersion: 1,
    docString: MODEL_ID,
    graph,
    metadataProps: [
      { key: 'nordichub.modelId', value: MODEL_ID },
      { key: 'nordichub.dims', value: String(DIMS) },
      { key: 'nordichub.source', value: source },
    ],
  });
  const err = onnx.ModelProto.verify(model);
  if (err) throw new Error(`invalid ModelProto: ${err}`);
  return onnx.ModelProto.encode(model).finish();
}
