// H3 hash of the last 1..WIN bytes of the text (Carter & Wegman's class
// H3: every input bit selects a random 32-bit row, rows are XORed). H3 is
// linear, so each hash bit is the XOR of the input bits its column
// selects; shorter windows use a prefix of the same columns, and synthesis
// shares their XOR trees.
// Byte 0 of win is the most recent text byte. The rows must equal
// kwm_h3_rows[] in control/fpga/kwm_hash.c.
`resetall
`timescale 1ns / 1ps
`default_nettype none

module kwm_hash #(
    parameter WIN = 8,
    // row set 0..3: independent hash functions for the Bloom filter
    parameter SET = 0
) (
    input  wire [WIN*8-1:0]  win,
    output wire [WIN*32-1:0] hash
);

localparam [4*64*32-1:0] ROWS = {
    32'hea596d3b, 32'h0a928225, 32'h30090041, 32'h887412b8, 32'h1f7be5ab, 32'h7c9d883e, 32'hef52073b, 32'hbe9e2c55,
    32'hae349552, 32'hb7dd1e39, 32'he936fd2c, 32'hc5abd98d, 32'h32352f91, 32'h1bfeb3c3, 32'h395fffb4, 32'hce71ba9e,
    32'ha6a3fd16, 32'hb50e9ece, 32'h801b3801, 32'hbf6edaa8, 32'h6165fcbb, 32'h2adae126, 32'h0798cd4f, 32'h841846aa,
    32'hc2267b64, 32'h3eecba95, 32'hff9b189b, 32'h63a770a1, 32'h75e61dd5, 32'h4b8de6f0, 32'h919dce12, 32'h230c4a0d,
    32'h1db40459, 32'hd2d5e06b, 32'h2483db97, 32'h060d3790, 32'h64ff521e, 32'h90ab4123, 32'hd0d48913, 32'haa052a28,
    32'h813e90e5, 32'hbc89898b, 32'hc7d46b5f, 32'h83c004f1, 32'ha83fdc89, 32'h998da8cb, 32'h3fb86a53, 32'h8256caab,
    32'hadeb5d1b, 32'h57f0712f, 32'h596ea832, 32'h21fc4e61, 32'hc08aa201, 32'h35f9d4f7, 32'h2d69e25c, 32'h0942022c,
    32'h38099f7c, 32'hee969626, 32'hecddad26, 32'h4a594466, 32'h332b2692, 32'h4c336210, 32'hf6b71db2, 32'h684e2101,
    32'h5b74a603, 32'hc5ab395b, 32'h5613e8f0, 32'hfa5cf65a, 32'h4669f63e, 32'he0d824cc, 32'h8a143190, 32'h8be15331,
    32'hc7d605bb, 32'h247f4abd, 32'h9810b6bd, 32'hf1b9178e, 32'h3cd91a9f, 32'h30b54375, 32'h1fa45418, 32'h114c43b4,
    32'h9c8c942f, 32'h0b62b219, 32'h3ce42b0f, 32'he1982d3f, 32'h93c862e6, 32'hb57574a5, 32'h7502f2f3, 32'hd51f32f5,
    32'hf3a2446c, 32'h43aa09bd, 32'hee471700, 32'hcac58e94, 32'h2508f8aa, 32'h029916a0, 32'hcc1fbfd2, 32'hebfe1251,
    32'h8c64d220, 32'hf8a689a9, 32'hb0c8a0ea, 32'h3232a2fa, 32'h3b2feed3, 32'h5740f167, 32'hb478d0c9, 32'hb4a6b6f5,
    32'ha57b3673, 32'h6009fcef, 32'hed6d3c8c, 32'h6ce60060, 32'h056a0637, 32'h977132a5, 32'h376418aa, 32'hc4e74cf6,
    32'h5927cee8, 32'he37cc8b7, 32'h83162bb6, 32'h945d6609, 32'hc4b5d02f, 32'hcf4f719d, 32'h00b80d9c, 32'he17e4e60,
    32'hae9cbe92, 32'h5bfc0f87, 32'h55f13dea, 32'hff3b507e, 32'h2d24ccea, 32'h749d272b, 32'hef83a87b, 32'hb15f1a33,
    32'h9820d94e, 32'h5c10278c, 32'hc8c6a884, 32'haa9ee0b3, 32'h0363182f, 32'h354a7244, 32'hfacf345a, 32'hf7d2110c,
    32'hb594d32d, 32'hc3fa4170, 32'h5f0cdb13, 32'h2226e20e, 32'he4fb8c95, 32'h2f3dfc64, 32'h471b528b, 32'h544b0300,
    32'h3447f3f1, 32'h6dedb521, 32'hc71405a0, 32'hde42fdde, 32'h24f54aef, 32'hbb719814, 32'h2ecf7acb, 32'h13b46723,
    32'h5281b23b, 32'h0c764dbd, 32'h80d6ff03, 32'haa60165e, 32'h7a7bfcb5, 32'h84434840, 32'h94d62fad, 32'hadc157c6,
    32'hfbfb4939, 32'h7bb52fc8, 32'h7bf7e664, 32'he9c60e5d, 32'h970cbfac, 32'he72dfb82, 32'ha66cc65a, 32'hb2bb4131,
    32'h0b85dfcd, 32'ha0bcd4f5, 32'h4f6d7979, 32'h44c92d31, 32'h194bfec5, 32'h3c7780c5, 32'h7c769f80, 32'hc7edb520,
    32'h703f4c3a, 32'h88fe484a, 32'h459e18cd, 32'haf76b3e4, 32'he5019622, 32'h7290b7b6, 32'h4fb280fc, 32'he6df4d74,
    32'ha217bd26, 32'h4693d721, 32'hc956315c, 32'h7aa2fc84, 32'h66b64b2a, 32'hd5d8fc88, 32'h02d080c7, 32'hc9568b62,
    32'h8b1f4d22, 32'h4fd1b668, 32'h08c67a73, 32'h7894fd5d, 32'h2bfbb5c5, 32'h93b621ed, 32'hc6d8e958, 32'hb1e20533,
    32'h8ca57f2d, 32'h8cc2f51e, 32'ha7682961, 32'h5eb80ccd, 32'ha771c1c1, 32'h52a71d2b, 32'he72b2e3a, 32'h8fb6d915,
    32'h2c97173a, 32'h6aa34b03, 32'h28b3f76b, 32'hdcf911e3, 32'he60b4c6c, 32'h2ea7b38f, 32'h987b1ff1, 32'he46acd8a,
    32'had3e57ed, 32'ha40bcbb4, 32'h3c3972bb, 32'he0f17a55, 32'hda788b12, 32'h619bef4b, 32'hb36d4129, 32'h54d4b1f9,
    32'ha58d03b6, 32'h59db24cb, 32'haa1ca629, 32'h0982d298, 32'hb2c9a780, 32'h0e49474d, 32'hac98e042, 32'hf5490aac,
    32'h293178a6, 32'ha836f139, 32'hbe75951c, 32'hfd68fda6, 32'hf6922ca7, 32'h855105bd, 32'h29243222, 32'hd6a77448,
    32'hc1ee5e60, 32'h00d349e1, 32'h1ce919c3, 32'h2f44f0bd, 32'hd071865d, 32'h89988d24, 32'h2feca1c1, 32'he08b296c,
    32'h3b67e6cf, 32'hefb08721, 32'h80ab4742, 32'h9351510a, 32'hc6a99922, 32'hacb3e229, 32'h6ee00924, 32'hfe27176b
};

initial begin
    if (WIN < 1 || WIN > 8 || SET < 0 || SET > 3) begin
        $error("kwm_hash: WIN must be 1..8, SET 0..3");
        $finish;
    end
end

// column masks: bit p of COLS[o] says whether input bit p (byte p/8 from
// the end, bit p%8) flips hash bit o; each hash bit is one XOR reduction
function [64*32-1:0] columns;
    input integer set;
    integer o, p;
    begin
        columns = 0;
        for (o = 0; o < 32; o = o + 1) begin
            for (p = 0; p < 64; p = p + 1) begin
                columns[o*64+p] = ROWS[(set*64+p)*32+o];
            end
        end
    end
endfunction

localparam [64*32-1:0] COLS = columns(SET);

wire [63:0] win64 = {{(64-WIN*8){1'b0}}, win};

genvar l, o;
generate
    for (l = 0; l < WIN; l = l + 1) begin : g_win
        // the L-byte window keeps the low 8L input bits
        localparam [63:0] KEEP = {64{1'b1}} >> (64 - 8*(l+1));
        for (o = 0; o < 32; o = o + 1) begin : g_bit
            assign hash[l*32+o] = ^(win64 & KEEP & COLS[o*64 +: 64]);
        end
    end
endgenerate

endmodule

`resetall
