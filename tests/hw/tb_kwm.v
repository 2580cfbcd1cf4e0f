// Self-checking testbench for kwm_top, for Icarus and Verilator (--timing).
// Replays a command stream written by kwm_vectors (table writes, messages,
// waits for a bank to drain, register checks) with random idle cycles on
// the input and random backpressure on the output, and checks every
// output record against the reference model's records for its message,
// in order. Prints "PASS" or "FAIL" and the measured bytes per cycle.
//
// plusargs: +dir=PATH (vectors) +seed=N +idle=PCT +bp=PCT
`timescale 1ns / 1ps
`default_nettype none

module tb_kwm;

parameter ENGINES = 4;
parameter DATA_BYTES = 8;
parameter FILTER_BITS = 14;
// per-window-length filter sizes (5 bits each, L=1 lowest); 0: FILTER_BITS
parameter [39:0] FILTER_BITS_L = 0;
parameter FILTER_HASHES = 2;
parameter INDEX_BITS = 12;
parameter STORE_BITS = 12;
parameter MAXK = 32;

parameter MAX_CMDS = 1 << 20;
localparam MAX_TEXT = 1 << 22;
localparam MAX_EXP = 1 << 20;
localparam MAX_MSGS = 1 << 17;

reg clk = 1'b0;
reg rst = 1'b1;
always #1 clk = ~clk;

reg [DATA_BYTES*8-1:0] s_axis_tdata = 0;
reg s_axis_tvalid = 1'b0;
reg s_axis_tlast = 1'b0;
wire s_axis_tready;
wire [127:0] m_axis_tdata;
wire m_axis_tvalid;
reg m_axis_tready = 1'b0;
wire m_axis_tlast;
wire m_axis_tuser;
reg cfg_wr_en = 1'b0;
reg [31:0] cfg_wr_addr = 0;
reg [31:0] cfg_wr_data = 0;
reg [31:0] cfg_rd_addr = 0;
wire [31:0] cfg_rd_data;

kwm_top #(
    .ENGINES(ENGINES),
    .DATA_BYTES(DATA_BYTES),
    .MAXK(MAXK),
    .FILTER_BITS(FILTER_BITS_L != 0 ? FILTER_BITS_L : {8{FILTER_BITS[4:0]}}),
    .FILTER_HASHES(FILTER_HASHES),
    .INDEX_BITS(INDEX_BITS),
    .STORE_BITS(STORE_BITS)
) dut (
    .clk(clk),
    .rst(rst),
    .s_axis_tdata(s_axis_tdata),
    .s_axis_tvalid(s_axis_tvalid),
    .s_axis_tready(s_axis_tready),
    .s_axis_tlast(s_axis_tlast),
    .m_axis_tdata(m_axis_tdata),
    .m_axis_tvalid(m_axis_tvalid),
    .m_axis_tready(m_axis_tready),
    .m_axis_tlast(m_axis_tlast),
    .m_axis_tuser(m_axis_tuser),
    .cfg_wr_en(cfg_wr_en),
    .cfg_wr_addr(cfg_wr_addr),
    .cfg_wr_data(cfg_wr_data),
    .cfg_rd_addr(cfg_rd_addr),
    .cfg_rd_data(cfg_rd_data)
);

reg [127:0] cmds [0:MAX_CMDS-1];
reg [7:0] text [0:MAX_TEXT-1];
reg [127:0] exp_rec [0:MAX_EXP-1];
reg [63:0] exp_idx [0:MAX_MSGS-1];
reg [31:0] got [0:MAX_MSGS-1];

reg [1023:0] dir;
integer seed = 1;
integer idle_pct = 0;
integer bp_pct = 0;
integer errors = 0;
integer n_msgs = 0;
integer ends_seen = 0;
integer records_seen = 0;
integer cycle = 0;
integer first_cycle = -1;
integer last_cycle = 0;
integer text_bytes = 0;
integer bank_of_wait = 0;
reg done_sending = 1'b0;

always @(posedge clk) cycle <= cycle + 1;

// filter hits reaching the confirmation unit (end tokens included)
integer cand_tokens = 0;
always @(posedge clk) begin
    if (dut.confirm.cand_pop != 0) cand_tokens <= cand_tokens + 1;
end

// ---- sink: random backpressure, check each record ------------------------
integer sink_seed;
reg [31:0] id;
reg [63:0] ix;
always @(posedge clk) begin
    if (!rst) begin
        m_axis_tready <= ($random(sink_seed) & 32'h7fffffff) % 100 >= bp_pct;
    end
    if (m_axis_tvalid && m_axis_tready) begin
        id = m_axis_tdata[95:64];
        ix = exp_idx[id];
        records_seen = records_seen + 1;
        if (id >= n_msgs || got[id] >= ix[31:0]) begin
            $display("FAIL: unexpected record %h", m_axis_tdata);
            errors = errors + 1;
        end else if (m_axis_tdata !== exp_rec[ix[63:32] + got[id]]) begin
            $display("FAIL: message %0d record %0d: got %h expected %h", id, got[id],
                     m_axis_tdata, exp_rec[ix[63:32] + got[id]]);
            errors = errors + 1;
            got[id] = got[id] + 1;
        end else begin
            got[id] = got[id] + 1;
        end
        if (m_axis_tuser !== (m_axis_tdata[127:120] == 8'h02) || m_axis_tlast !== 1'b1) begin
            $display("FAIL: tuser/tlast wrong on %h", m_axis_tdata);
            errors = errors + 1;
        end
        if (m_axis_tuser) begin
            ends_seen = ends_seen + 1;
            last_cycle = cycle;
        end
    end
end

// ---- driver ---------------------------------------------------------------
task idle_cycles;
    begin
        while (($random(seed) & 32'h7fffffff) % 100 < idle_pct) begin
            s_axis_tvalid <= 1'b0;
            @(posedge clk);
        end
    end
endtask

task send_beat(input [DATA_BYTES*8-1:0] data, input last);
    begin
        idle_cycles;
        s_axis_tdata <= data;
        s_axis_tlast <= last;
        s_axis_tvalid <= 1'b1;
        @(posedge clk);
        while (!s_axis_tready) @(posedge clk);
        if (first_cycle < 0) first_cycle = cycle;
        s_axis_tvalid <= 1'b0;
    end
endtask

task send_msg(input [127:0] c);
    integer sent, off, b, i;
    reg [DATA_BYTES*8-1:0] beat;
    begin
        sent = c[119:96];
        off = c[31:0];
        beat = 0;
        beat[63:0] = {c[47:32], c[63:48], c[95:64]};
        send_beat(beat, sent == 0);
        for (b = 0; b < sent; b = b + DATA_BYTES) begin
            beat = 0;
            for (i = 0; i < DATA_BYTES; i = i + 1) begin
                if (b + i < sent) beat[i*8 +: 8] = text[off + b + i];
            end
            send_beat(beat, b + DATA_BYTES >= sent);
        end
        text_bytes = text_bytes + sent;
    end
endtask

task cfg_write(input [31:0] addr, input [31:0] data);
    begin
        cfg_wr_addr <= addr;
        cfg_wr_data <= data;
        cfg_wr_en <= 1'b1;
        @(posedge clk);
        cfg_wr_en <= 1'b0;
    end
endtask

task cfg_read(input [31:0] addr, output [31:0] data);
    begin
        cfg_rd_addr <= addr;
        @(posedge clk);
        @(posedge clk);
        data = cfg_rd_data;
    end
endtask

integer pc, m, timeout;
reg [127:0] c;
reg [31:0] rd;
initial begin
    if (!$value$plusargs("dir=%s", dir)) dir = ".";
    if (!$value$plusargs("seed=%d", seed)) seed = 1;
    if (!$value$plusargs("idle=%d", idle_pct)) idle_pct = 0;
    if (!$value$plusargs("bp=%d", bp_pct)) bp_pct = 0;
    sink_seed = seed + 7919;
    $readmemh({dir, "/cmd.hex"}, cmds);
    $readmemh({dir, "/text.hex"}, text);
    $readmemh({dir, "/exp.hex"}, exp_rec);
    $readmemh({dir, "/expidx.hex"}, exp_idx);
    pc = 0;
    while (cmds[pc][127:120] != 8'h00) begin
        if (cmds[pc][127:120] == 8'h02) n_msgs = n_msgs + 1;
        pc = pc + 1;
    end
    for (m = 0; m < n_msgs; m = m + 1) got[m] = 0;

    repeat (4) @(posedge clk);
    rst <= 1'b0;
    @(posedge clk);

    pc = 0;
    while (cmds[pc][127:120] != 8'h00) begin
        c = cmds[pc];
        case (c[127:120])
            8'h01: cfg_write(c[63:32], c[31:0]);
            8'h02: send_msg(c);
            8'h03: begin
                rd = 1;
                while (rd != 0) cfg_read(c[63:32] != 0 ? 32'h01c : 32'h018, rd);
            end
            8'h04: begin
                cfg_read(c[63:32], rd);
                if (rd !== c[31:0]) begin
                    $display("FAIL: register %h reads %h, expected %h", c[63:32], rd, c[31:0]);
                    errors = errors + 1;
                end
            end
            default: begin
                $display("FAIL: bad command %h", c);
                errors = errors + 1;
            end
        endcase
        pc = pc + 1;
    end

    timeout = 0;
    while (ends_seen < n_msgs && timeout < 1000000) begin
        @(posedge clk);
        timeout = timeout + 1;
    end
    for (m = 0; m < n_msgs; m = m + 1) begin
        ix = exp_idx[m];
        if (got[m] != ix[31:0]) begin
            if (errors < 20) $display("FAIL: message %0d: %0d of %0d records", m, got[m], ix[31:0]);
            errors = errors + 1;
        end
    end
    $display("%0d messages, %0d records, %0d text bytes in %0d cycles: %0d.%02d bytes/cycle (idle %0d%%, bp %0d%%)",
             n_msgs, records_seen, text_bytes, last_cycle - first_cycle,
             text_bytes / (last_cycle - first_cycle + 1),
             (text_bytes * 100 / (last_cycle - first_cycle + 1)) % 100, idle_pct, bp_pct);
    $display("candidates per 1000 text bytes: %0d (filter hits incl. true matches)",
             (cand_tokens - n_msgs) * 1000 / (text_bytes + 1));
    if (errors == 0) $display("PASS");
    else $display("FAIL: %0d errors", errors);
    $finish;
end

endmodule
