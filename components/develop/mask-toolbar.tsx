import { ToolButton } from "./tool-button";

// The mask tool's controls: brush or eraser, brush size (in the image's pixels), undo, redo and clear.
export function MaskToolbar(props: {
  id: string;
  erase: boolean;
  onEraseChange: (erase: boolean) => void;
  size: number;
  maxSize: number;
  onSizeChange: (size: number) => void;
  canUndo: boolean;
  canRedo: boolean;
  canClear: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onClear: () => void;
}) {
  const { id } = props;
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
      <fieldset className="flex gap-1">
        <legend className="sr-only">Tool</legend>
        <ToolButton pressed={!props.erase} onClick={() => props.onEraseChange(false)}>
          Brush
        </ToolButton>
        <ToolButton pressed={props.erase} onClick={() => props.onEraseChange(true)}>
          Eraser
        </ToolButton>
      </fieldset>
      <div className="min-w-40 flex-1">
        <div className="flex justify-between text-sm">
          <label htmlFor={`${id}-size`}>Brush size</label>
          <output htmlFor={`${id}-size`} className="tabular-nums text-muted">
            {props.size} px
          </output>
        </div>
        <input
          id={`${id}-size`}
          type="range"
          className="w-full"
          min={2}
          max={props.maxSize}
          value={props.size}
          onChange={(e) => props.onSizeChange(Number(e.target.value))}
        />
      </div>
      <div className="flex gap-1">
        <ToolButton onClick={props.onUndo} disabled={!props.canUndo}>
          Undo
        </ToolButton>
        <ToolButton onClick={props.onRedo} disabled={!props.canRedo}>
          Redo
        </ToolButton>
        <ToolButton onClick={props.onClear} disabled={!props.canClear}>
          Clear
        </ToolButton>
      </div>
    </div>
  );
}
