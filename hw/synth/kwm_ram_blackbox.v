// Stand-in for kwm_ram in the generic (technology-independent) Yosys run:
// generic `synth` would turn the table memories into flip-flops, so they
// are kept as black boxes there and counted in bits from their parameters.
(* blackbox *)
module kwm_ram #(
    parameter WIDTH = 32,
    parameter ADDR_WIDTH = 10
) (
    input  wire                  clk,
    input  wire                  wr_en,
    input  wire [ADDR_WIDTH-1:0] wr_addr,
    input  wire [WIDTH-1:0]      wr_data,
    input  wire [ADDR_WIDTH-1:0] rd_addr,
    output wire [WIDTH-1:0]      rd_data
);
endmodule
